using Jamsostek.Core.Exports;

namespace Jamsostek.Core.Tests.Exports;

public sealed class TableCellTests
{
    [Fact]
    public void ValuesOfKnownTypesBecomeCellsOfTheMatchingKind()
    {
        Assert.Equal(TableCellKind.Empty, TableCell.From(null).Kind);
        Assert.Equal(TableCellKind.Empty, ((TableCell)(string?)null).Kind);
        Assert.Equal("Budi", TableCell.From("Budi").Text);
        Assert.Equal(42L, TableCell.From(42).Integer);
        Assert.Equal(TableCellKind.Integer, TableCell.From(42L).Kind);
        Assert.Equal(1500000.50m, TableCell.From(1500000.50m).Decimal);
        Assert.Equal(0.25, TableCell.From(0.25).Double);
        Assert.Equal(new DateOnly(1990, 3, 12), TableCell.From(new DateOnly(1990, 3, 12)).Date);
        Assert.Equal(new DateOnly(1990, 3, 12), TableCell.From(new DateTime(1990, 3, 12)).Date);
    }

    [Fact]
    public void ValuesNoCellCanHoldAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TableCell.FromDouble(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => TableCell.FromDouble(double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => TableCell.From(new DateTime(1990, 3, 12, 8, 30, 0)));
        Assert.Throws<ArgumentException>(() => TableCell.From(Guid.Empty));
    }

    [Fact]
    public void ACellReadsAsItsCsvText()
    {
        Assert.Equal("-1234.5", TableCell.FromDecimal(-1234.5m).ToString());
        Assert.Equal("31/12/2025", TableCell.FromDate(new DateOnly(2025, 12, 31)).ToString());
        Assert.Equal("0.1", TableCell.FromDouble(0.1).ToString());
        Assert.Equal(string.Empty, TableCell.Empty.ToString());
    }
}
