using System.Reflection;
using System.Text.RegularExpressions;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Findings;

/// <summary>
/// The message templates against the code that fills them: every code has words in both languages, every template
/// is one a producer uses, and each names exactly the arguments its producer gives.
/// </summary>
public sealed partial class FindingTextTests
{
    private static readonly Language[] Languages = [Language.Id, Language.En];

    private static readonly DateOnly Start = new(2025, 10, 1);

    private static readonly DateOnly End = new(2025, 12, 31);

    /// <summary>Every message the producers make, each variant once, with sample arguments.</summary>
    public static IEnumerable<FindingMessage> Produced()
    {
        var agreement = new Agreement { AgreementNo = "PKS/001", Region = "5204", Type = AgreementType.PKS, CoverageStart = Start, CoverageEnd = End };
        var budget = new BudgetCheck(1_500_000_000m, 1_883_952_000m, 12, [(Segment.NonAsn, 6311, 16_800m), ("", 3034, 16_800m)]);
        yield return ValidationMessages.Required("Nama");
        yield return ValidationMessages.AgreementNotChosen("5204", 0, Start, End);
        yield return ValidationMessages.AgreementNotChosen("5204", 2, Start, End);
        yield return ValidationMessages.NikFormat("5204********0001");
        yield return ValidationMessages.NikPrecisionLost();
        yield return ValidationMessages.NikBirthDate("5204********0001");
        yield return ValidationMessages.NikGenderMismatch(columnSaysFemale: true);
        yield return ValidationMessages.NikGenderMismatch(columnSaysFemale: false);
        yield return ValidationMessages.CellTooLong("Alamat", "40005");
        yield return ValidationMessages.CellTooLong("Alamat", null);
        yield return ValidationMessages.DateFormat("Tanggal Lahir", "31/02/1990");
        yield return ValidationMessages.AmountFormat("Penghasilan", "sejuta");
        yield return ValidationMessages.OccupationUnknown("tani", "petani");
        yield return ValidationMessages.OccupationUnknown("astronot", null);
        foreach (var code in new[] { FindingCode.FollowupUnknown, ValueCodes.GenderFormat, ValueCodes.SegmentUnknown, ValueCodes.ProgramUnknown,
            ValueCodes.AgreementTypeUnknown, ValueCodes.FundingSourceUnknown, ValueCodes.NameFormat, "SOME_FUTURE_CODE" })
        {
            yield return ValidationMessages.ValueUnknown(code, "Kolom", "x");
        }
        yield return ValidationMessages.AgreementUnknown("PKS/999", "5204");
        yield return ValidationMessages.PeriodOutsideAgreement(Start, End.AddDays(1), agreement);
        yield return ValidationMessages.PeriodInvalid(End, Start);
        foreach (var key in Enum.GetValues<RepeatedKey>())
        {
            yield return ValidationMessages.DuplicateInFile(key, 3);
        }
        yield return ValidationMessages.DuplicateCoverage(new CoverageRecord("5204010101900001", "5316", "PKS/002", Start, End));
        yield return ValidationMessages.NikBirthDateMismatch(new DateOnly(1990, 3, 12), new DateOnly(1990, 3, 13));
        yield return ValidationMessages.NikRegion("53", "52");
        yield return ValidationMessages.AgeRange(70);
        yield return ValidationMessages.PhoneFormat("12345");
        yield return ValidationMessages.KpjFormat("123");
        yield return ValidationMessages.QuotaExceeded("PKS/001", 5600, 5000);
        yield return ValidationMessages.AgreementDates(End, Start);
        yield return ValidationMessages.BudgetShortfall(budget);
        yield return ValidationMessages.NppFormat("1234");
        yield return ValidationMessages.DateInFuture("Tanggal Bayar Terakhir", End, Start);
        yield return ValidationMessages.ArrearsInconsistent(9, Start, End, 2);
        yield return ValidationMessages.ArrearsZeroAmount(3);

        yield return TemplateMessages.MissingColumn("Tanggal Lahir", 2, ["Tanggal Lahir", "Tgl Lahir"]);
        yield return TemplateMessages.DuplicateColumn("NIK", "B5", "NIK", "F5", "No KTP");
        yield return TemplateMessages.HeaderNotFound(30);

        yield return FileMessages.DataDateUnusable(new DataDate(2, "A2", "Tanggal Data: kemarin", null), Start);
        yield return FileMessages.DataDateUnusable(new DataDate(2, "A2", "Tanggal Data: 31/12/2025", End), Start);
        yield return FileMessages.DataDateUnusable(new DataDate(2, "A2", "Tanggal Data: 31/12/2025", End), null);
        yield return FileMessages.RegionMismatch("5316", "5204", "C7");
        object[][] rejections =
        [
            [], [52_500_000L, 52_428_800L], [new StagedTextBudget(StagedTextBudget.Scope.Row, 3, 1_048_576)],
            [new StagedTextBudget(StagedTextBudget.Scope.Chunk, 3, 1_048_576)], [new StagedTextBudget(StagedTextBudget.Scope.Upload, 3, 1_048_576)],
        ];
        foreach (var arguments in rejections)
        {
            yield return FileMessages.Message(FindingCode.FileTooLarge, arguments);
        }
        foreach (var kind in new[] { "PDF", "zip", "image/png", "a Word document", "" })
        {
            yield return FileMessages.Message(FindingCode.FileType, [kind]);
        }
        yield return FileMessages.Message(FindingCode.FileUnreadable, []);
        yield return FileMessages.Message(FindingCode.FileUnreadable, [new ReadTimeExceeded(256, TimeSpan.FromMinutes(5))]);
        yield return FileMessages.Message(FindingCode.FileUnreadable, [16_385, 1_000]);
        yield return FileMessages.Message(FindingCode.FileEmpty, []);
        yield return FileMessages.Message(FindingCode.FileEncrypted, []);
        yield return FileMessages.Message(FindingCode.RegionMismatch, ["sumbawa"]);
    }

    public static TheoryData<string> Codes() => [.. AllCodes()];

    private static IEnumerable<string> AllCodes() => new[] { typeof(FindingCode), typeof(ValueCodes) }
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!);

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCodeHasAMessageInBothLanguages(string code)
    {
        foreach (var language in Languages)
        {
            Assert.Contains(FindingText.Templates(language).Keys, key => key == code || key.StartsWith(code + ".", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BothLanguagesHaveTheSameTemplates()
    {
        Assert.Equal(FindingText.Templates(Language.Id).Keys.Order(StringComparer.Ordinal), FindingText.Templates(Language.En).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryTemplateIsOneAProducerUses()
    {
        var produced = Produced().SelectMany(WithItems).Select(message => message.Key).ToHashSet(StringComparer.Ordinal);

        var unused = FindingText.Templates(Language.Id).Keys
            .Where(key => !produced.Contains(key) && !key.StartsWith(FindingText.ReasonPrefix, StringComparison.Ordinal)).ToList();

        Assert.True(unused.Count == 0, $"No producer uses {string.Join(", ", unused)}");
    }

    [Fact]
    public void EveryTemplateNamesExactlyTheArgumentsItsProducerGives()
    {
        foreach (var message in Produced().SelectMany(WithItems))
        {
            var given = message.Arguments.Select(argument => argument.Name).Order(StringComparer.Ordinal).ToArray();
            foreach (var language in Languages)
            {
                var template = Assert.Contains(message.Key, FindingText.Templates(language));
                var named = FindingText.Placeholders(template).Distinct().Order(StringComparer.Ordinal).ToArray();
                Assert.True(given.SequenceEqual(named), $"{language} {message.Key}: the template names {{{string.Join("}, {", named)}}}, its producer gives {string.Join(", ", given)}");
            }
        }
    }

    [Fact]
    public void EveryMessageRendersWithoutPlaceholdersLeft()
    {
        foreach (var message in Produced())
        {
            foreach (var language in Languages)
            {
                var text = FindingText.Render(message, language);
                Assert.False(Placeholder().IsMatch(text), $"{language} {message.Key}: {text}");
                Assert.False(string.IsNullOrWhiteSpace(text));
            }
        }
    }

    [Fact]
    public void ReasonsAreFewWordsWithoutPlaceholdersAndNamedForCodes()
    {
        var codes = AllCodes().ToHashSet(StringComparer.Ordinal);
        foreach (var (key, words) in FindingText.Templates(Language.Id).Where(pair => pair.Key.StartsWith(FindingText.ReasonPrefix, StringComparison.Ordinal)))
        {
            var code = key[FindingText.ReasonPrefix.Length..];
            Assert.Contains(code, codes);
            Assert.Empty(FindingText.Placeholders(words));
            Assert.Empty(FindingText.Placeholders(FindingText.Templates(Language.En)[key]));
        }
        Assert.Equal("kolom wajib kosong", FindingText.Reason(FindingCode.Required, Language.Id));
        Assert.Equal("required value missing", FindingText.Reason(FindingCode.Required, Language.En));
        Assert.Equal("SOME_FUTURE_CODE", FindingText.Reason("SOME_FUTURE_CODE", Language.En));
    }

    [Fact]
    public void DatesNumbersAndAmountsAreWrittenForTheReader()
    {
        var quota = ValidationMessages.QuotaExceeded("PKS/001", 5600, 5000);
        var period = ValidationMessages.PeriodInvalid(Start, End);
        var budget = ValidationMessages.BudgetShortfall(new BudgetCheck(1_500_000_000m, 1_883_952_000m, 12, [(Segment.NonAsn, 6311, 16_800m), ("", 3034, 16_800m)]));

        Assert.Equal("Peserta PKS/001 kini 5.600 orang, melebihi target 5.000 orang.", FindingText.Render(quota, Language.Id));
        Assert.Equal("Agreement PKS/001 now has 5,600 participants, more than its target of 5,000.", FindingText.Render(quota, Language.En));
        Assert.Equal("Tanggal selesai 31 Desember 2025 lebih awal dari tanggal mulai 1 Oktober 2025.", FindingText.Render(period, Language.Id));
        Assert.Equal("The end date 31 Dec 2025 is before the start date 1 Oct 2025.", FindingText.Render(period, Language.En));
        Assert.Equal("Anggaran Rp 1.500.000.000 kurang dari kebutuhan iuran Rp 1.883.952.000 (6.311 non_asn x Rp 16.800 + 3.034 x Rp 16.800, x 12 bulan); "
            + "kekurangan Rp 383.952.000.", FindingText.Render(budget, Language.Id));
        Assert.Equal("The budget IDR 1,500,000,000 is short of the contributions needed, IDR 1,883,952,000 (6,311 non_asn x IDR 16,800 + 3,034 x IDR 16,800, "
            + "x 12 months), by IDR 383,952,000.", FindingText.Render(budget, Language.En));
    }

    [Fact]
    public void DoubledBracesAreBracesInTheText()
    {
        Assert.EndsWith("Unggah ke uploads/{kode wilayah}/{nama berkas}.", FindingText.Render(FileMessages.Message(FindingCode.RegionMismatch, ["x"]), Language.Id),
            StringComparison.Ordinal);
    }

    [Fact]
    public void FileSizesKeepTheirDecimal()
    {
        Assert.Contains("(50,1 MB)", FileMessages.For(FindingCode.FileTooLarge, [52_500_000L, 52_428_800L], Language.Id), StringComparison.Ordinal);
        Assert.Contains("(50.1 MB)", FileMessages.For(FindingCode.FileTooLarge, [52_500_000L, 52_428_800L], Language.En), StringComparison.Ordinal);
        Assert.Contains("(50 MB)", FileMessages.For(FindingCode.FileTooLarge, [52_428_800L, 52_428_800L], Language.Id), StringComparison.Ordinal);
    }

    private static IEnumerable<FindingMessage> WithItems(FindingMessage message) =>
        message.Arguments.Where(argument => argument.Items is not null).SelectMany(argument => argument.Items!).SelectMany(WithItems).Prepend(message);

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();
}
