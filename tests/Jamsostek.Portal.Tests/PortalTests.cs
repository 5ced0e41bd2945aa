using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Jamsostek.TestData;
using Microsoft.Playwright;

namespace Jamsostek.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class PortalTests(PortalFixture system)
{
    private static readonly string Sample = Path.Combine(LocalHost.RepositoryPaths.Samples, "5204", "peserta-sumbawa-2026.xlsx");

    static PortalTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task ClerkSignsInUploadsASheetWithFaultyRowsReadsTheFindingsAndDownloadsTheRejectedRows()
    {
        var page = await system.OpenPortalAsync();

        // Sign in with the keyboard alone.
        await page.GetByLabel("Kunci akses kantor").FocusAsync();
        await page.Keyboard.TypeAsync(system.SumbawaKey);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Masuk sebagai")).ToContainTextAsync("Disnaker Sumbawa");
        Assert.Equal(["5204"], await page.Locator("#region option").AllTextContentsAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('jmsk_'))"));

        await page.GetByLabel("Wilayah").SelectOptionAsync("5204");
        await page.Locator("#file").SetInputFilesAsync(Sample);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah", Exact = true }).ClickAsync();

        var status = page.Locator("#upload-status [data-status]");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "completed_with_errors", new() { Timeout = 90_000 });
        await Assertions.Expect(status).ToContainTextAsync("307 dari 312 baris diterima, 5 ditolak");
        var rows = page.Locator("#findings-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        var cells = await page.Locator("#findings-table tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(["B16", "B41", "E62", "K95", "B145"], cells);
        await Assertions.Expect(page.Locator("#findings-table")).ToContainTextAsync("NIK_PRECISION_LOST");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Unduh baris ditolak (XLSX)" }).ClickAsync());
        var path = await download.PathAsync();
        var read = ReadBack.Xlsx(await File.ReadAllBytesAsync(path)).Rows;
        Assert.Equal(6, read.Count);
        Assert.Equal("NIK", read[0][1]);
        Assert.Equal("Alasan Penolakan", read[0][^2]);
        Assert.All(read.Skip(1), row => Assert.False(string.IsNullOrWhiteSpace(row[^2] as string)));

        await Assertions.Expect(page.Locator("#agreements-table")).ToContainTextAsync("PKS/045/BPJSTK-SBW/III/2026");
        Directory.CreateDirectory(PortalFixture.ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.ArtifactsFolder, "portal.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClerkUploadingASheetTheRegionHasAlreadyIsToldItIsADuplicateOfTheFirstAndItsStatus()
    {
        var page = await system.OpenPortalAsync();
        await page.GetByLabel("Kunci akses kantor").FillAsync(system.SumbawaKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Masuk sebagai")).ToBeVisibleAsync();

        // The fixture stored this sheet as 5204/perjanjian-sumbawa-2026.xlsx: the same bytes again are stored beside it.
        await page.Locator("#file").SetInputFilesAsync(Path.Combine(LocalHost.RepositoryPaths.Samples, "5204", "perjanjian-sumbawa-2026.xlsx"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah", Exact = true }).ClickAsync();

        var status = page.Locator("#upload-status [data-status]");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "duplicate", new() { Timeout = 30_000 });
        await Assertions.Expect(status).ToContainTextAsync(
            "5204/perjanjian-sumbawa-2026 (2).xlsx: duplikat: isi sama dengan 5204/perjanjian-sumbawa-2026.xlsx (selesai: semua baris diterima)");
        Assert.True(await page.Locator("#findings").IsHiddenAsync());
        var row = page.Locator("#uploads-table tbody tr", new() { HasText = "perjanjian-sumbawa-2026 (2).xlsx" });
        await Assertions.Expect(row).ToContainTextAsync("duplikat: isi sama dengan 5204/perjanjian-sumbawa-2026.xlsx");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnotherRegionsKeyIsRefusedTheSumbawaUploads()
    {
        var page = await system.OpenPortalAsync();
        await page.GetByLabel("Kunci akses kantor").FillAsync("jmsk_not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Kunci tidak dikenal atau sudah dicabut.");

        await page.GetByLabel("Kunci akses kantor").FillAsync(system.NagekeoKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Masuk sebagai")).ToContainTextAsync("Disnaker Nagekeo");
        Assert.Equal(["5316"], await page.Locator("#region option").AllTextContentsAsync());
        Assert.True(await page.Locator("#download-rejected-xlsx").IsHiddenAsync());

        var refused = await page.EvaluateAsync<int>(
            "async () => (await fetch('api/uploads?region=5204', { headers: { 'x-functions-key': sessionStorage.getItem('jamsostek.key') } })).status");
        Assert.Equal(403, refused);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PageHasNoSeriousOrCriticalAccessibilityViolationsSignedOutOrIn()
    {
        var page = await system.OpenPortalAsync();
        AssertNoSeriousViolations(await page.RunAxe());

        await page.GetByLabel("Kunci akses kantor").FillAsync(system.SumbawaKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Masuk sebagai")).ToBeVisibleAsync();
        AssertNoSeriousViolations(await page.RunAxe());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Templat daftar peserta (XLSX)", "template-peserta.xlsx", "NIK|Nama|Tempat Lahir|Tanggal Lahir", "5204011203900001")]
    [InlineData("Templat perjanjian PKS/MoU (XLSX)", "template-perjanjian.xlsx", "Nomor PKS|Jenis|Kode Wilayah|Kabupaten/Kota", "PKS/045/BPJSTK-SBW/III/2026")]
    [InlineData("Templat kepatuhan badan usaha (XLSX)", "template-kepatuhan.xlsx", "NPP|Nama Perusahaan|Sektor|Kecamatan", "12.345.678")]
    public async Task TemplatesDownloadWithTheAcceptedHeaders(string link, string fileName, string headers, string firstExampleCell)
    {
        var page = await system.OpenPortalAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());

        Assert.Equal(fileName, download.SuggestedFilename);
        var rows = ReadBack.Xlsx(await File.ReadAllBytesAsync(await download.PathAsync())).Rows;
        Assert.True(rows.Count >= 2, "the template has a header and an example row");
        Assert.Equal(headers.Split('|'), rows[0].Select(cell => cell as string).Take(4));
        Assert.Equal(firstExampleCell, rows[1][0]);
        await page.Context.CloseAsync();
    }

    private static void AssertNoSeriousViolations(AxeResult result)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }
}
