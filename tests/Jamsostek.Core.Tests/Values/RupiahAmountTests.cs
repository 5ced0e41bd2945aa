using System.Globalization;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class RupiahAmountTests
{
    [Theory]
    [InlineData("Rp 1.500.000.000", "1500000000")]
    [InlineData("Rp1.500.000.000,00", "1500000000")]
    [InlineData("Rp. 1.500.000.000", "1500000000")]
    [InlineData("rp 1.500.000.000", "1500000000")]
    [InlineData("1.500.000.000", "1500000000")]
    [InlineData("1,5 miliar", "1500000000")]
    [InlineData("1,5 milyar", "1500000000")]
    [InlineData("Rp 1,5 M", "1500000000")]
    [InlineData("1,5M", "1500000000")]
    [InlineData("1.500 juta", "1500000000")]
    [InlineData("500 juta", "500000000")]
    [InlineData("500 jt", "500000000")]
    [InlineData("500 jt.", "500000000")]
    [InlineData("500 juta rupiah", "500000000")]
    [InlineData("16.5 juta", "16500000")]
    [InlineData("16,5 juta", "16500000")]
    [InlineData("1,500 juta", "1500000")]
    [InlineData("2 ribu", "2000")]
    [InlineData("1,25 triliun", "1250000000000")]
    [InlineData("16.800", "16800")]
    [InlineData("Rp 16.800", "16800")]
    [InlineData("16800", "16800")]
    [InlineData("16,800", "16800")]
    [InlineData("Rp 16.800,50", "16800.50")]
    [InlineData("16800.00", "16800")]
    [InlineData("1 500 000", "1500000")]
    [InlineData("1\u00A0500\u00A0000", "1500000")]
    [InlineData("1 500 000,00", "1500000")]
    [InlineData("Rp 1.500.000,-", "1500000")]
    [InlineData("1,500,000.00", "1500000")]
    [InlineData("IDR 16,800", "16800")]
    [InlineData("0", "0")]
    public void OfficeAmountFormatsReadAsRupiah(string text, string expected)
    {
        var parsed = RupiahAmount.Parse(text);

        Assert.True(parsed.IsOk, parsed.Problem);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData("1,5 miliar", "1500000000")]
    [InlineData("Rp 16.800,50", "16800.5")]
    [InlineData("Rp 16.800", "16800")]
    public void AmountsCarryNoTrailingDecimalZeros(string text, string expected)
    {
        Assert.Equal(expected, RupiahAmount.Parse(text).Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1500000000d, "1500000000")]
    [InlineData(16800d, "16800")]
    [InlineData(16800.5d, "16800.5")]
    [InlineData(0d, "0")]
    public void ANumberCellIsTakenAsIs(double number, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), RupiahAmount.Parse(number).Value);
    }

    [Theory]
    [InlineData("-1.000")]
    [InlineData("Rp -16.800")]
    [InlineData("(16.800)")]
    [InlineData("\u221216.800")]
    public void NegativeAmountsAreAmountFormatErrors(string text)
    {
        Assert.Equal(FindingCode.AmountFormat, RupiahAmount.Parse(text).ErrorCode);
    }

    [Fact]
    public void ANegativeNumberCellIsAnAmountFormatError()
    {
        Assert.Equal(FindingCode.AmountFormat, RupiahAmount.Parse(-5d).ErrorCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("Rp")]
    [InlineData("juta")]
    [InlineData("1.50.000")]
    [InlineData("1.5000")]
    [InlineData("1500.000")]
    [InlineData("1.500,000,00")]
    [InlineData("1 5")]
    [InlineData("1 500.000")]
    [InlineData("16,800 kg")]
    [InlineData("500 juta lagi")]
    [InlineData("1.500.000.")]
    [InlineData(".500")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("999.999.999.999.999.999 triliun")]
    public void GarbageIsAnAmountFormatError(string text)
    {
        var parsed = RupiahAmount.Parse(text);

        Assert.Equal(FindingCode.AmountFormat, parsed.ErrorCode);
        Assert.False(string.IsNullOrEmpty(parsed.Problem));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("-")]
    [InlineData("Rp -")]
    public void BlankOrADashIsEmpty(string? text)
    {
        Assert.True(RupiahAmount.Parse(text).IsEmpty);
    }

    [Fact]
    public void ATrueFalseCellIsAnAmountFormatError()
    {
        Assert.Equal(FindingCode.AmountFormat, RupiahAmount.Parse(false).ErrorCode);
    }
}
