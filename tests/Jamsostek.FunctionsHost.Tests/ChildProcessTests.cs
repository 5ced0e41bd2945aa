using Jamsostek.FunctionsHost.Processes;

namespace Jamsostek.FunctionsHost.Tests;

/// <summary>A child's output, line by line, with the stream it came from: the host logs a worker's standard error as warnings.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task EachLineComesWithTheChildsNameAndWhetherItWasWrittenToStandardError()
    {
        var lines = new List<ChildOutput>();
        await using var child = ChildProcess.Start("script", "sh", ["-c", "echo first; echo broken >&2; echo last"], Path.GetTempPath(),
            new Dictionary<string, string>(), output => { lock (lines) { lines.Add(output); } });

        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        lock (lines)
        {
            Assert.Equal([new("script", "first", false), new("script", "last", false)], lines.Where(line => !line.IsError));
            Assert.Equal([new ChildOutput("script", "broken", true)], lines.Where(line => line.IsError));
        }
    }
}
