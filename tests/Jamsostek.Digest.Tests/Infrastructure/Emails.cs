using System.Text;
using System.Text.Json.Nodes;
using ExcelDataReader;

namespace Jamsostek.Digest.Tests.Infrastructure;

/// <summary>Reading MailDev's JSON for an email: recipient, headers, attachments; and the XLSX attachment's sheets.</summary>
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

    public static Dictionary<string, List<object?[]>> Sheets(byte[] xlsx)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[i] = reader.GetValue(i);
                }
                rows.Add(row);
            }
            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }
}
