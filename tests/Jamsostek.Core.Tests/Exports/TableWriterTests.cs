using Jamsostek.Core.Exports;
using Jamsostek.TestData;

namespace Jamsostek.Core.Tests.Exports;

/// <summary>What both writers promise, whatever the format.</summary>
public sealed class TableWriterTests
{
    public static TheoryData<string> Formats => ["csv", "xlsx"];

    internal static ITableWriter Create(string format, Stream output) => format switch
    {
        "csv" => new CsvTableWriter(output),
        "xlsx" => new XlsxTableWriter(output, "Data"),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ALargeTableGoesOutInAsyncWritesAsItIsWrittenAndReadsBackWhole(string format)
    {
        var output = new NonSeekableStream();
        var writesBeforeCompletion = 0;
        await using (var writer = Create(format, output))
        {
            writer.WriteHeader(["Baris", "NIK", "Tanggal"]);
            for (var i = 1; i <= 20_000; i++)
            {
                await writer.WriteRowAsync([i, $"5204{i:D12}", new DateOnly(1990, 1, 1).AddDays(i)]);
            }
            writesBeforeCompletion = output.AsyncWrites;
            await writer.CompleteAsync();
        }

        Assert.True(writesBeforeCompletion > 1, $"Only {writesBeforeCompletion} writes reached the stream before completion.");
        var bytes = output.ToArray();
        var rows = format == "csv" ? ReadBack.Csv(bytes).Select(r => (object?[])r).ToList() : ReadBack.Xlsx(bytes).Rows;
        Assert.Equal(20_001, rows.Count);
        Assert.Equal("5204000000020000", rows[^1][1]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task TheHeaderGoesFirstAndOnlyOnce(string format)
    {
        await using var writer = Create(format, new NonSeekableStream());
        await writer.WriteRowAsync(["x"]);

        Assert.Throws<InvalidOperationException>(() => writer.WriteHeader(["A"]));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task NothingCanBeWrittenAfterCompletion(string format)
    {
        await using var writer = Create(format, new NonSeekableStream());
        await writer.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await writer.WriteRowAsync(["x"]));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await writer.CompleteAsync());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AWriterDisposedWithoutCompletionDoesNotFinishTheFile(string format)
    {
        var output = new NonSeekableStream();
        await using (var writer = Create(format, output))
        {
            writer.WriteHeader(["NIK"]);
            await writer.WriteRowAsync(["5204011203900001"]);
        }

        Assert.Empty(output.ToArray());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AStreamThatCannotBeWrittenIsRejected(string format)
    {
        Assert.Throws<ArgumentException>(() => Create(format, new MemoryStream([], writable: false)));
    }
}
