using System.Text.Json.Serialization;
using Jamsostek.Core.Findings;

namespace Jamsostek.Functions.Reports;

/// <summary>One finding as the office's report shows it (Frictionless-like field names).</summary>
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

    public static FindingLine From(Finding finding, Finding english) => new(
        finding.Code, finding.Severity == Core.Findings.Severity.Error ? "error" : "warning", finding.Sheet, finding.Row, finding.Cell,
        finding.Field, finding.Value, finding.Message, english.Message);
}

/// <summary>A rejected row as the office typed it: text by column letter, and why it was rejected.</summary>
public sealed record RejectedRowLine(
    [property: JsonPropertyName("row")] int Row,
    [property: JsonPropertyName("cells")] IReadOnlyDictionary<string, string> Cells,
    [property: JsonPropertyName("reasons")] string Reasons,
    [property: JsonPropertyName("reasonsEn")] string ReasonsEn);

[JsonSerializable(typeof(FindingLine))]
[JsonSerializable(typeof(RejectedRowLine))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
