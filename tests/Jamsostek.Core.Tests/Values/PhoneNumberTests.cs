using Jamsostek.Core.Findings;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0812-3456-7890")]
    [InlineData("0812 3456 7890")]
    [InlineData("0812.3456.7890")]
    [InlineData("081234567890")]
    [InlineData("6281234567890")]
    [InlineData("+6281234567890")]
    [InlineData("+62 812 3456 7890")]
    [InlineData("+62 0812 3456 7890")]
    [InlineData("(+62) 812-3456-7890")]
    [InlineData("0062 812 3456 7890")]
    [InlineData("81234567890")]
    [InlineData("'081234567890")]
    public void IndonesianMobileNumbersNormalizeToE164(string text)
    {
        var parsed = PhoneNumber.Parse(text);

        Assert.True(parsed.IsOk, parsed.Problem);
        Assert.Equal("+6281234567890", parsed.Value);
    }

    [Theory]
    [InlineData(81234567890d)]
    [InlineData(6281234567890d)]
    public void ANumberCellNormalizesToE164(double number)
    {
        Assert.Equal("+6281234567890", PhoneNumber.Parse(number).Value);
    }

    [Theory]
    [InlineData("0812345678", "+62812345678")]
    [InlineData("0812345678901", "+62812345678901")]
    public void NineToTwelveDigitsAfterTheCountryCodeAreValid(string text, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(text).Value);
    }

    [Theory]
    [InlineData("081234567")]
    [InlineData("08123456789012")]
    [InlineData("0371 21234")]
    [InlineData("+1 555 123 4567")]
    [InlineData("0812-3456-7890 / 0813-1111-2222")]
    [InlineData("tidak ada")]
    [InlineData("+62+812345678")]
    public void OtherNumbersArePhoneFormatWarnings(string text)
    {
        Assert.Equal(FindingCode.PhoneFormat, PhoneNumber.Parse(text).ErrorCode);
    }

    [Theory]
    [InlineData(81234567890.5)]
    [InlineData(-81234567890d)]
    public void ANumberCellThatIsNotWholeIsAPhoneFormatWarning(double number)
    {
        Assert.Equal(FindingCode.PhoneFormat, PhoneNumber.Parse(number).ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ABlankPhoneIsEmpty(string? text)
    {
        Assert.True(PhoneNumber.Parse(text).IsEmpty);
    }
}
