using System.Text.Json.Nodes;
using Jamsostek.TestSupport;

namespace Jamsostek.Digest.Tests.Infrastructure;

/// <summary>Reading MailDev's JSON for an email: recipient, headers, attachments (their sheets: <see cref="TestData.ReadBack"/>).</summary>
internal static class Emails
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string To(JsonObject email) => (string)email["to"]![0]!["address"]!;

    public static string Text(JsonObject email) => ((string?)email["text"] ?? "").Replace("\r", "");

    public static string Html(JsonObject email) => (string?)email["html"] ?? "";

    public static string? Header(JsonObject email, string name) =>
        email["headers"]!.AsObject().FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    public static IReadOnlyList<JsonObject> Attachments(JsonObject email) => [.. (email["attachments"]?.AsArray() ?? []).OfType<JsonObject>()];

    public static JsonObject For(IEnumerable<JsonObject> emails, string address) => Assert.Single(emails, e => To(e) == address);
}
