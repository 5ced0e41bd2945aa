namespace Jamsostek.LocalHost.DevServices;

/// <summary>A dev service could not be started; the message tells the developer what to do.</summary>
public sealed class DevServiceException(string message) : Exception(message);
