namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>A running trigger of one function; runs until the host stops.</summary>
internal interface ITriggerListener
{
    string FunctionName { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
