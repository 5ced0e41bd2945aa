namespace Jamsostek.Core.Validation;

/// <summary>Agreement numbers as offices retype them: "PKS/045/BPJSTK-SBW/III/2026" and "pks / 045 / bpjstk-sbw / iii / 2026" are one.</summary>
public static class AgreementNumber
{
    public static string Key(string agreementNo)
    {
        ArgumentNullException.ThrowIfNull(agreementNo);
        Span<char> key = agreementNo.Length <= 256 ? stackalloc char[agreementNo.Length] : new char[agreementNo.Length];
        var length = 0;
        foreach (var c in agreementNo)
        {
            if (!char.IsWhiteSpace(c))
            {
                key[length++] = char.ToUpperInvariant(c);
            }
        }
        return new string(key[..length]);
    }
}
