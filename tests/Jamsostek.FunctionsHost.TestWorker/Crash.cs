using System.Diagnostics;

namespace Jamsostek.FunctionsHost.TestWorker;

/// <summary>Dies as a crash would (killed, no clean-up), once per marker file: the next attempt finds the marker and goes on.</summary>
internal static class Crash
{
    public static void Once(string marker)
    {
        if (File.Exists(marker))
        {
            return;
        }
        File.WriteAllText(marker, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Process.GetCurrentProcess().Kill();
    }
}
