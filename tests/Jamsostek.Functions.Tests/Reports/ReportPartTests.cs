using System.Text.Json;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Reports;

namespace Jamsostek.Functions.Tests.Reports;

/// <summary>Findings stored in the report parts as data come back as the same words in both languages.</summary>
public sealed class ReportPartTests
{
    private static readonly BudgetCheck Budget = new(1_500_000_000m, 1_883_952_000m, 12, [("non_asn", 6311, 16_800m), ("", 3034, 16_800m)]);

    [Fact]
    public void FindingReadBackFromItsPartRendersAsItWasMade()
    {
        var finding = new Finding(FindingCode.BudgetShortfall, Severity.Warning, ValidationMessages.BudgetShortfall(Budget), "Perjanjian", 7, "H7", "budget_idr",
            "Rp 1.500.000.000");

        var stored = JsonSerializer.SerializeToUtf8Bytes(finding, ReportPartJsonContext.Default.Finding);
        var line = FindingLine.From(JsonSerializer.Deserialize(stored, ReportPartJsonContext.Default.Finding)!);

        Assert.Equal(FindingLine.From(finding), line);
        Assert.Equal("warning", line.Severity);
        Assert.Equal("H7", line.Cell);
        Assert.StartsWith("Anggaran Rp 1.500.000.000 kurang dari kebutuhan iuran Rp 1.883.952.000 (6.311 non_asn x Rp 16.800", line.Message, StringComparison.Ordinal);
        Assert.StartsWith("The budget IDR 1,500,000,000 is short", line.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectedRowGivesItsReasonsInEachLanguage()
    {
        Finding[] errors =
        [
            new(FindingCode.Required, Severity.Error, ValidationMessages.Required("Nama"), "Daftar Peserta", 5, "C5", "full_name"),
            new(FindingCode.PeriodInvalid, Severity.Error, ValidationMessages.PeriodInvalid(new DateOnly(2025, 10, 1), new DateOnly(2025, 9, 30)), "Daftar Peserta", 5, "K5"),
        ];
        var stored = JsonSerializer.SerializeToUtf8Bytes(new RejectedRowLine(5, new Dictionary<string, string> { ["B"] = "5204" }, errors),
            ReportPartJsonContext.Default.RejectedRowLine);

        var row = JsonSerializer.Deserialize(stored, ReportPartJsonContext.Default.RejectedRowLine)!;

        Assert.Equal("[C5] Kolom \"Nama\" wajib diisi. Lengkapi lalu unggah ulang baris ini. "
            + "[K5] Tanggal selesai 30 September 2025 lebih awal dari tanggal mulai 1 Oktober 2025.", row.Reasons(Language.Id));
        Assert.Equal("[C5] \"Nama\" is required. Fill it in and upload the row again. "
            + "[K5] The end date 30 Sep 2025 is before the start date 1 Oct 2025.", row.Reasons(Language.En));
    }
}
