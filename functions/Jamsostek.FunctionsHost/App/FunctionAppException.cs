namespace Jamsostek.FunctionsHost.App;

/// <summary>The function app's files or settings cannot be used; the message says which and why.</summary>
public class FunctionAppException(string message) : Exception(message);

/// <summary>A binding names a <c>%Setting%</c> that is not defined: that function is in error, the rest of the app runs.</summary>
public sealed class UnresolvedSettingException(string message) : FunctionAppException(message);
