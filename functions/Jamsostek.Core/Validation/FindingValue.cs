using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Core.Validation;

/// <summary>How a finding's value column shows a value the validator worked out rather than quoted from the cell.</summary>
internal static class FindingValue
{
    // The value is stored once for every reader; dates read as the offices write them.
    public static string Date(DateOnly date) => UserFormat.Date(date, Language.Id);
}
