namespace Jamsostek.Core.Findings;

/// <summary>
/// What a finding says, before it is put into words: the key of its template in the message resources (the
/// finding's code, or the code and a variant, "REQUIRED.NoAgreementInForce") and the values the template names.
/// </summary>
public sealed record FindingMessage(string Key, params IReadOnlyList<FindingArgument> Arguments)
{
    /// <summary>The key of a variant of <paramref name="code"/>'s message.</summary>
    public static string Variant(string code, string variant) => code + "." + variant;
}
