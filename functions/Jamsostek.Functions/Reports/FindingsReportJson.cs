using System.Text.Json;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.Reports;

/// <summary>
/// The frame of findings.json: <c>{"uploadId","region","file","kind","status","valid","stats":{...},"findings":[</c>
/// ... <c>]}</c>. Written once when an upload is final, and again, without personal values, for a key that may not
/// see them.
/// </summary>
public static class FindingsReportJson
{
    public static void WriteStart(Utf8JsonWriter json, UploadRecord record, string status, int accepted, int rejected, int warnings)
    {
        json.WriteStartObject();
        json.WriteString("uploadId", record.UploadId);
        json.WriteString("region", record.Region);
        json.WriteString("file", record.BlobName);
        json.WriteString("kind", record.Kind);
        json.WriteString("status", status);
        json.WriteBoolean("valid", rejected == 0);
        json.WriteStartObject("stats");
        json.WriteNumber("rows", record.RowsRead);
        json.WriteNumber("accepted", accepted);
        json.WriteNumber("rejected", rejected);
        json.WriteNumber("blankRows", record.BlankRows);
        json.WriteNumber("warnings", warnings);
        json.WriteEndObject();
        json.WriteStartArray("findings");
    }

    public static void WriteEnd(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
