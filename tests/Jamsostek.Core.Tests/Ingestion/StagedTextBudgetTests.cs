using System.Text;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Microsoft.Extensions.Time.Testing;

namespace Jamsostek.Core.Tests.Ingestion;

public sealed class StagedTextBudgetTests
{
    [Fact]
    public async Task UploadWhoseStagedTextPassesTheBudgetIsRejectedNamingTheRowWhereItDid()
    {
        var limits = new IngestionLimits { MaxStagedUploadBytes = 40_000 };
        var sink = new CountingSink();

        var rejection = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            UploadIngestor.IngestAsync(new MemoryStream(Csv(rows: 400)), "peserta.csv", RegionCode.Parse("5204"), sink,
                new IngestionOptions { ChunkSize = 100, Limits = limits }));

        Assert.Equal(FindingCode.FileTooLarge, rejection.Code);
        var budget = Assert.IsType<StagedTextBudget>(Assert.Single(rejection.Arguments));
        Assert.Equal(StagedTextBudget.Scope.Upload, budget.Over);
        Assert.InRange(budget.RowNumber, 2, 401);
        var message = FileMessages.For(rejection, Language.Id);
        Assert.StartsWith("Berkas berisi terlalu banyak teks setelah dibaca", message, StringComparison.Ordinal);
        Assert.Contains($"sampai baris {budget.RowNumber})", message, StringComparison.Ordinal);
        Assert.StartsWith("The file holds too much text once read", FileMessages.For(rejection, Language.En), StringComparison.Ordinal);
        // It stopped there: fewer chunks than the 4 the file would make.
        Assert.True(sink.Chunks < 4, $"{sink.Chunks} chunks were written");
    }

    [Fact]
    public async Task UploadWithinEveryBudgetIsStagedWhole()
    {
        var sink = new CountingSink();

        var result = await UploadIngestor.IngestAsync(new MemoryStream(Csv(rows: 400)), "peserta.csv", RegionCode.Parse("5204"), sink,
            new IngestionOptions { ChunkSize = 100 });

        Assert.Equal(400, result.RowsRead);
        Assert.Equal(4, sink.Chunks);
    }

    [Fact]
    public async Task ChunkOverItsBudgetIsRejectedBeforeItIsWritten()
    {
        var limits = new IngestionLimits { MaxStagedChunkBytes = 5_000 };
        var sink = new CountingSink();

        var rejection = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            UploadIngestor.IngestAsync(new MemoryStream(Csv(rows: 400)), "peserta.csv", RegionCode.Parse("5204"), sink,
                new IngestionOptions { ChunkSize = 100, Limits = limits }));

        Assert.Equal(StagedTextBudget.Scope.Chunk, Assert.IsType<StagedTextBudget>(Assert.Single(rejection.Arguments)).Over);
        Assert.Equal(0, sink.Chunks);
        Assert.Contains("per 1.000 baris", FileMessages.For(rejection, Language.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileStillBeingReadPastTheTimeLimitIsRejectedAsUnreadableNamingTheRow()
    {
        var limits = new IngestionLimits { MaxReadTime = TimeSpan.Zero };

        var rejection = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            UploadIngestor.IngestAsync(new MemoryStream(Csv(rows: 400)), "peserta.csv", RegionCode.Parse("5204"), new CountingSink(),
                new IngestionOptions { ChunkSize = 100, Limits = limits }));

        Assert.Equal(FindingCode.FileUnreadable, rejection.Code);
        Assert.Equal(256, Assert.IsType<ReadTimeExceeded>(Assert.Single(rejection.Arguments)).RowNumber);
        Assert.StartsWith("Berkas terlalu lama dibaca (lebih dari 0 menit, sampai baris 256)", FileMessages.For(rejection, Language.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTimeIsMeasuredOnTheIngestionClockSoASlowSinkStopsTheReadAtTheNextCheck()
    {
        var clock = new FakeTimeProvider();
        var limits = new IngestionLimits { MaxReadTime = TimeSpan.FromMinutes(10) };
        // Each chunk takes the fake clock six minutes: the limit is passed while the second chunk is written.
        var sink = new CountingSink(() => clock.Advance(TimeSpan.FromMinutes(6)));

        var rejection = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            UploadIngestor.IngestAsync(new MemoryStream(Csv(rows: 1_000)), "peserta.csv", RegionCode.Parse("5204"), sink,
                new IngestionOptions { ChunkSize = 100, Limits = limits, Clock = clock }));

        Assert.Equal(FindingCode.FileUnreadable, rejection.Code);
        // The time is checked every 256 rows: row 256 is the first check after the second chunk (rows 2-201).
        Assert.Equal(256, Assert.IsType<ReadTimeExceeded>(Assert.Single(rejection.Arguments)).RowNumber);
        Assert.Equal(2, sink.Chunks);
    }

    [Fact]
    public async Task ReadThatTakesNoTimeOnTheIngestionClockIsNeverTooLong()
    {
        var limits = new IngestionLimits { MaxReadTime = TimeSpan.FromTicks(1) };

        var result = await UploadIngestor.IngestAsync(new MemoryStream(Csv(rows: 1_000)), "peserta.csv", RegionCode.Parse("5204"), new CountingSink(),
            new IngestionOptions { ChunkSize = 100, Limits = limits, Clock = new FakeTimeProvider() });

        Assert.Equal(1_000, result.RowsRead);
    }

    private static byte[] Csv(int rows)
    {
        var csv = new StringBuilder("NIK,Nama Lengkap,Tanggal Lahir,Alamat,Nomor PKS\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"520401120390{i % 10000:0000},Warga Ke {i},12/03/1990,Jl. Melati {i} Sumbawa Besar,PKS/001/SBW/2025\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <param name="writing">What writing a chunk does besides counting it (moving a fake clock).</param>
    private sealed class CountingSink(Action? writing = null) : IChunkSink
    {
        public int Chunks { get; private set; }

        public Task WriteChunkAsync(int chunk, ReadOnlyMemory<byte> rows, int rowCount, CancellationToken cancellationToken)
        {
            Chunks++;
            writing?.Invoke();
            return Task.CompletedTask;
        }
    }
}
