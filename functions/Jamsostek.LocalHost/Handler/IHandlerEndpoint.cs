namespace Jamsostek.LocalHost.Handler;

/// <summary>Where the custom handler answers: a child process the host started, or (tests) a server already running.</summary>
public interface IHandlerEndpoint
{
    Uri BaseAddress { get; }
}

/// <summary>A handler someone else runs, reached over the same HTTP contract.</summary>
public sealed record ExternalHandlerEndpoint(Uri BaseAddress) : IHandlerEndpoint;
