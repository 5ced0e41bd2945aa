namespace Jamsostek.Core.Templates;

/// <summary>
/// One column of a sheet template: its canonical <paramref name="Name"/> (snake_case, see <see cref="FieldNames"/>),
/// how its values are read, whether the header must hold it, and the header texts offices use for it.
/// Headers match <paramref name="Aliases"/> case-, space- and punctuation-insensitively (see <see cref="SheetTemplate.TryMatch"/>).
/// </summary>
/// <param name="Required">The header row must have this column (or the field named by a <see cref="StandsInFor"/> of another).</param>
/// <param name="Aliases">Accepted header texts; the first is the one messages name the column by.</param>
public sealed record TemplateField(string Name, FieldType Type, bool Required, IReadOnlyList<string> Aliases)
{
    /// <summary>
    /// The required field this one can replace in the header check: a combined "Tempat/Tgl Lahir" column
    /// stands in for "Tanggal Lahir". Null for ordinary fields.
    /// </summary>
    public string? StandsInFor { get; init; }

    /// <summary>The header text messages name the column by ("NIK", "Tanggal Lahir").</summary>
    public string Header => Aliases[0];

    public override string ToString() => Name;
}
