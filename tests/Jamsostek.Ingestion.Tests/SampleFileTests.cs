using Jamsostek.Samples;

namespace Jamsostek.Ingestion.Tests;

/// <summary>samples/ is the Samples tool's output, byte for byte: regenerating it changes nothing, and nothing is there that the tool does not write.</summary>
public sealed class SampleFileTests
{
    [Fact]
    public void EveryFileInSamplesIsWhatTheSamplesToolWritesForIt()
    {
        var root = LocalHost.RepositoryPaths.Samples;
        var onDisk = Directory.GetDirectories(root)
            .SelectMany(region => Directory.GetFiles(region).Select(file => $"{Path.GetFileName(region)}/{Path.GetFileName(file)}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(SampleCatalog.All.Select(sample => sample.RelativePath).Order(StringComparer.Ordinal), onDisk);

        foreach (var sample in SampleCatalog.All)
        {
            using var written = new MemoryStream();
            sample.Write(written);
            Assert.True(written.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, sample.Region, sample.FileName))),
                $"{sample.RelativePath} differs from what the Samples tool writes: run `dotnet run --project tools/Jamsostek.Samples -- samples`.");
        }
    }

    [Fact]
    public void EachRegionHasAnAgreementsAnEnrolmentAndAComplianceSampleEachComplianceOneWithFiveErrorsAndTwoWarnings()
    {
        Assert.All(SampleCatalog.All.GroupBy(sample => sample.Region), region =>
            Assert.Equal([SampleCatalog.Agreements, SampleCatalog.Compliance, SampleCatalog.Enrolments], region.Select(sample => sample.Kind).Order(StringComparer.Ordinal)));
        Assert.All(SampleCatalog.All.Where(sample => sample.Kind == SampleCatalog.Compliance), sample =>
        {
            Assert.Equal(["AMOUNT_FORMAT", "DATE_IN_FUTURE", "DUPLICATE_IN_FILE", "FOLLOWUP_UNKNOWN", "NPP_FORMAT"],
                sample.Findings.Where(f => !f.IsWarning).Select(f => f.Code).Order(StringComparer.Ordinal));
            Assert.Equal(["ARREARS_INCONSISTENT", "ARREARS_ZERO_AMOUNT"], sample.Findings.Where(f => f.IsWarning).Select(f => f.Code).Order(StringComparer.Ordinal));
        });
        Assert.Equal([".csv", ".xls", ".xlsx"],
            SampleCatalog.All.Where(sample => sample.Kind == SampleCatalog.Compliance).Select(sample => Path.GetExtension(sample.FileName)).Order(StringComparer.Ordinal));
    }
}
