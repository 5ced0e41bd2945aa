namespace Jamsostek.LocalHost.App;

/// <summary>The function app's files or settings cannot be used; the message says which and why.</summary>
public sealed class FunctionAppException(string message) : Exception(message);
