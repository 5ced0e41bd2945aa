using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Sheets;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Tests.Findings;

namespace Jamsostek.Core.Tests.Validation;

/// <summary>
/// Rows as validation receives them: a header detected, each row mapped, written by the ingestion's staging
/// writer and read back by the validator's reader, so the tests cover the staged format too.
/// </summary>
internal sealed class StagedSheet
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    private readonly SheetLayout _layout;

    private StagedSheet(params object?[] header)
    {
        var detection = HeaderDetector.Detect([new SheetRow(1, header, header.Length)]);
        Assert.True(detection.IsUsable, string.Join("; ", detection.Findings.Select(f => f.Text())));
        _layout = detection.Layout;
    }

    public static StagedSheet Enrolments(params object?[] header) => new(header);

    public static StagedSheet Agreements(params object?[] header) => new(header);

    public static StagedSheet Compliance(params object?[] header) => new(header);

    public StagedRow Row(int number, params object?[] cells) => Row(number, null, cells);

    public StagedRow Row(int number, int? duplicateOf, params object?[] cells)
    {
        var writer = new StagedRowWriter(1);
        writer.Write(_layout.Map(new SheetRow(number, cells, cells.Length)), duplicateOf);
        return Assert.Single(StagedRowReader.Read(writer.Flush()));
    }

    public ValidationContext Context(string region = "5204") =>
        new(RegionCode.Parse(region), "Daftar Peserta", _layout.FieldColumns(), Today);
}
