namespace Jamsostek.Core.Values;

/// <summary>
/// What a key without personal-data permission sees of a worker: the NIK masked (<see cref="Nik.Masked"/>), the name
/// reduced to initials ("B. S."), and nothing of the birth date, birth place, address, phone or KPJ. Enough to
/// count, sort and recognise a row the office itself sent; not enough to identify a person.
/// </summary>
public static class PersonalData
{
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
