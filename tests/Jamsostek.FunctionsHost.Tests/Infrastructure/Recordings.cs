using System.Collections.Concurrent;
using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests.Infrastructure;

/// <summary>The folder the test worker records invocations into (its RecordingsDirectory setting), one per test.</summary>
public sealed class Recordings(string folder)
{
    private readonly ConcurrentDictionary<string, Recording> _read = new(StringComparer.Ordinal);

    public string Folder => folder;

    /// <summary>Every recording of the function so far, in the order the worker wrote them.</summary>
    public IReadOnlyList<Recording> Of(string function)
    {
        // The worker writes each file under a temporary name and moves it: a *.json file is complete.
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            _read.GetOrAdd(path, Recording.Read);
        }
        return [.. _read.Values.Where(r => r.Function == function).OrderBy(r => r.WrittenTicks)];
    }

    /// <summary>Waits until the function has at least <paramref name="count"/> recordings (that match), and returns them.</summary>
    public async Task<IReadOnlyList<Recording>> WaitForAsync(string function, int count, TimeSpan? timeout = null, Func<Recording, bool>? where = null)
    {
        IReadOnlyList<Recording> Matching() => [.. Of(function).Where(where ?? (_ => true))];
        await Eventually.TrueAsync(() => Matching().Count >= count, timeout ?? TimeSpan.FromSeconds(30),
            $"{function} recorded {count} times (was {Matching().Count})");
        return Matching();
    }
}
