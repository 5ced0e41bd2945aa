using System.Security.Cryptography;
using System.Text;
using Jamsostek.FunctionsHost.App;
using Microsoft.AspNetCore.Http;

namespace Jamsostek.FunctionsHost.Http;

/// <summary>
/// The host's keys, from the settings LocalHostMasterKey and LocalHostFunctionKey, presented in the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter. The master key passes every level.
/// </summary>
public sealed class FunctionKeys(AppSettings settings)
{
    public const string MasterKeySetting = "LocalHostMasterKey";
    public const string FunctionKeySetting = "LocalHostFunctionKey";
    public const string Header = "x-functions-key";

    public bool Allows(HttpContext context, AuthLevel level)
    {
        if (level == AuthLevel.Anonymous)
        {
            return true;
        }
        var presented = Presented(context);
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }
        return Matches(presented, settings[MasterKeySetting])
            || (level == AuthLevel.Function && Matches(presented, settings[FunctionKeySetting]));
    }

    private static string? Presented(HttpContext context) =>
        context.Request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrEmpty(header)
            ? header.ToString()
            : context.Request.Query["code"].ToString();

    private static bool Matches(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
