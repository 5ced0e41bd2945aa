using System.Text.Json.Nodes;

namespace Jamsostek.Ingestion.Tests.Infrastructure;

/// <summary>
/// Reading staged rows (StagedRowWriter's JSON lines): <c>{"row":17,"cells":[{"f":"nik","c":"B17","t":"…","v":"…"}],"extra":[…]}</c>.
/// </summary>
public static class StagedRow
{
    public static int Number(this JsonObject row) => row["row"]!.GetValue<int>();

    /// <summary>The staged cell of a field; fails the test when the row has none (an empty cell is not staged).</summary>
    public static JsonObject Cell(this JsonObject row, string field)
    {
        var cells = row["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => c["f"]!.GetValue<string>() == field).ToList();
        Assert.True(cells.Count == 1, $"Row {row.Number()} has {cells.Count} cells for {field}: {row.ToJsonString()}");
        return cells[0];
    }

    public static bool HasCell(this JsonObject row, string field) =>
        row["cells"]!.AsArray().Any(c => c!["f"]!.GetValue<string>() == field);

    /// <summary>The cell address, like "B7".</summary>
    public static string Address(this JsonObject cell) => cell["c"]!.GetValue<string>();

    /// <summary>The cell as the office typed it.</summary>
    public static string Typed(this JsonObject cell) => cell["t"]!.GetValue<string>();

    /// <summary>The parsed value as text (ISO date, canonical code, digits); fails when the cell did not parse.</summary>
    public static string Value(this JsonObject cell)
    {
        Assert.True(cell["v"] is not null, $"Cell {cell.ToJsonString()} has no parsed value.");
        return cell["v"]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? cell["v"]!.GetValue<string>() : cell["v"]!.ToJsonString();
    }

    /// <summary>The error code of a cell that did not parse, or null.</summary>
    public static string? Error(this JsonObject cell) => cell["e"]?.GetValue<string>();

    /// <summary>The staged row with this spreadsheet row number.</summary>
    public static JsonObject Row(this IEnumerable<JsonObject> rows, int number) => Assert.Single(rows, r => r.Number() == number);
}
