using System.Text.Json.Serialization;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;

namespace Jamsostek.Functions.Reports;

/// <summary>One finding as the office's report shows it (Frictionless-like field names), put into words in both languages.</summary>
public sealed record FindingLine(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("sheet")] string? Sheet,
    [property: JsonPropertyName("row")] int? Row,
    [property: JsonPropertyName("cell")] string? Cell,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("messageEn")] string MessageEn)
{
    /// <summary>
    /// The finding as a key without personal-data permission sees it: on a personal field (name, birth date, address,
    /// phone, KPJ, NIK) no value, and the value taken out of the messages that quote it.
    /// </summary>
    public FindingLine WithoutPersonalData() =>
        Field is not null && Core.Values.PersonalData.Fields.Contains(Field)
            ? this with { Value = null, Message = Core.Values.PersonalData.Redact(Message, Value), MessageEn = Core.Values.PersonalData.Redact(MessageEn, Value) }
            : this;

    public static FindingLine From(Finding finding) => new(
        finding.Code, SeverityName.Of(finding.Severity), finding.Sheet, finding.Row, finding.Cell,
        finding.Field, finding.Value, FindingText.Render(finding, Language.Id), FindingText.Render(finding, Language.En));
}

/// <summary>A rejected row as the office typed it: text by column letter, and the errors that rejected it.</summary>
public sealed record RejectedRowLine(
    [property: JsonPropertyName("row")] int Row,
    [property: JsonPropertyName("cells")] IReadOnlyDictionary<string, string> Cells,
    [property: JsonPropertyName("errors")] IReadOnlyList<Finding> Errors)
{
    /// <summary>The reasons column of the rejected-rows file: each error after the cell it is about, "[B5] ...".</summary>
    public string Reasons(Language language) => string.Join(" ",
        Errors.Select(f => $"[{f.Cell ?? f.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture)}] {FindingText.Render(f, language)}"));
}

[JsonSerializable(typeof(FindingLine))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>
/// The chunks' report parts: findings as data (code, place, message key and arguments), put into words when the
/// report, the exports or the rejected-rows file are written.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Finding))]
[JsonSerializable(typeof(RejectedRowLine))]
internal sealed partial class ReportPartJsonContext : JsonSerializerContext;
