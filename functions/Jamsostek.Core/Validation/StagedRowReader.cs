using System.Text.Json;

namespace Jamsostek.Core.Validation;

/// <summary>Reads a chunk written by <see cref="Ingestion.StagedRowWriter"/>: one JSON object per line.</summary>
public static class StagedRowReader
{
    public static IEnumerable<StagedRow> Read(ReadOnlyMemory<byte> chunk) =>
        Text.JsonLines.Split(chunk).Select(line => Parse(line.Span));

    public static StagedRow Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        var rowNumber = 0;
        int? duplicateOf = null;
        var cells = new Dictionary<string, StagedCell>(StringComparer.Ordinal);
        var extras = new List<StagedExtra>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("row"u8))
            {
                reader.Read();
                rowNumber = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("dup"u8))
            {
                reader.Read();
                duplicateOf = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("cells"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    var cell = ReadCell(ref reader);
                    cells[cell.Field] = cell;
                }
            }
            else if (reader.ValueTextEquals("extra"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    extras.Add(ReadExtra(ref reader));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return new StagedRow(rowNumber, cells, extras, duplicateOf);
    }

    private static StagedCell ReadCell(ref Utf8JsonReader reader)
    {
        string field = "", cell = "", text = "";
        string? value = null, error = null, problem = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "f": field = reader.GetString()!; break;
                case "c": cell = reader.GetString()!; break;
                case "t": text = reader.GetString()!; break;
                case "e": error = reader.GetString(); break;
                case "p": problem = reader.GetString(); break;
                case "v": value = ScalarText(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        return new StagedCell(field, cell, text, value, error, problem);
    }

    private static StagedExtra ReadExtra(ref Utf8JsonReader reader)
    {
        string header = "", cell = "", text = "";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "h": header = reader.GetString()!; break;
                case "c": cell = reader.GetString()!; break;
                case "t": text = reader.GetString()!; break;
                default: reader.Skip(); break;
            }
        }
        return new StagedExtra(header, cell, text);
    }

    // Numbers are kept as their JSON text, so decimals round-trip exactly.
    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"Staged row: expected {type}, found {reader.TokenType}.");
        }
    }
}
