using Jamsostek.Core.Sheets;

namespace Jamsostek.Core.Tests.Templates;

internal static class Rows
{
    public static SheetRow Row(int number, params object?[] cells) => new(number, cells, cells.Length);

    public static SheetRow Blank(int number) => new(number, [null, null, null], 3);

    /// <summary>A merged title: one text cell, the rest of the merged range empty.</summary>
    public static SheetRow Title(int number, string title) => new(number, [title, null, null, null, null], 5);
}
