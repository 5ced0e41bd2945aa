namespace Jamsostek.Core.Values;

/// <summary>
/// What a key without personal-data permission sees of a worker: the NIK masked (<see cref="Nik.Masked"/>), the name
/// reduced to initials ("B. S."), and nothing of the birth date, birth place, address, phone or KPJ. Enough to
/// count, sort and recognise a row the office itself sent; not enough to identify a person.
/// </summary>
public static class PersonalData
{
    /// <summary>The fields that identify a person: withheld from a key without personal-data permission.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        Templates.FieldNames.Nik, Templates.FieldNames.FullName, Templates.FieldNames.BirthPlace, Templates.FieldNames.BirthDate,
        Templates.FieldNames.BirthPlaceDate, Templates.FieldNames.Address, Templates.FieldNames.Phone, Templates.FieldNames.Kpj,
    };

    /// <summary>The text with every occurrence of <paramref name="value"/> replaced by <c>***</c> (a finding's message quoting a cell).</summary>
    public static string Redact(string text, string? value) =>
        string.IsNullOrEmpty(value) ? text : text.Replace(value, "***", StringComparison.Ordinal);

    public static string? Initials(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts.Select(part => char.ToUpperInvariant(part[0]) + "."));
    }
}
