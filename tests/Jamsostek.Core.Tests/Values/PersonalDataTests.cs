using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("Budi Santoso", "B. S.")]
    [InlineData("  maria   goreti dhae ", "M. G. D.")]
    [InlineData("Nurhayati", "N.")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void NameIsReducedToItsInitials(string? name, string? expected) => Assert.Equal(expected, PersonalData.Initials(name));
}
