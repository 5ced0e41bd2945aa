using System.Reflection;
using Jamsostek.Functions.Access;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Tests.Access;

/// <summary>
/// Every HTTP route the app declares is in exactly one of three kinds, and its declaration says so: operator routes
/// (/api/manage/..., reprocess) at the host's admin level and checked by the app too; office routes anonymous for the host and checked by the
/// app's key middleware; and the few public ones, named here, that hold nothing of anyone's. A new route, or a
/// changed auth level, that fits none of them fails this test before it ships.
/// </summary>
public sealed class RouteAccessTests
{
    /// <summary>Routes anyone may call: the health check, the API description, the blank templates and the portal page.</summary>
    private static readonly string[] PublicRoutes = ["api/health", "api/openapi.json", "api/templates/{kind}", "{*path}"];

    public static TheoryData<string, string, AuthorizationLevel, bool, bool> HttpFunctions()
    {
        var data = new TheoryData<string, string, AuthorizationLevel, bool, bool>();
        foreach (var type in typeof(AccessKeyMiddleware).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }
                var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(t => t is not null);
                if (trigger is not null)
                {
                    data.Add(function.Name, trigger.Route ?? "", trigger.AuthLevel, type.GetCustomAttribute<RequiresAccessKeyAttribute>() is not null,
                        type.GetCustomAttribute<RequiresMasterKeyAttribute>() is not null);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void EveryRouteIsAnOperatorAnOfficeOrAPublicRouteAndDeclaresItself(string function, string route, AuthorizationLevel level, bool checkedByTheApp,
        bool masterKeyCheckedByTheApp)
    {
        var operatorRoute = route.StartsWith("api/manage/", StringComparison.Ordinal);
        Assert.True(operatorRoute == masterKeyCheckedByTheApp, $"{function} ({route}): [RequiresMasterKey] on operator routes, and only there");
        if (operatorRoute)
        {
            Assert.True(level == AuthorizationLevel.Admin, $"{function} ({route}) is an operator route: AuthorizationLevel.Admin, not {level}");
            Assert.False(checkedByTheApp, $"{function} ({route}) takes the master key, not an office's key");
        }
        else if (PublicRoutes.Contains(route))
        {
            Assert.True(level == AuthorizationLevel.Anonymous && !checkedByTheApp, $"{function} ({route}) is public: anonymous and no key");
        }
        else
        {
            Assert.True(level == AuthorizationLevel.Anonymous && checkedByTheApp,
                $"{function} ({route}) serves an office's data: anonymous for the host and [RequiresAccessKey] for the app, not {level} / {checkedByTheApp}");
        }
    }

    [Fact]
    public void TheKnownRoutesAreAllThere()
    {
        var routes = HttpFunctions().Select(row => (string)row[1]).ToList();

        Assert.Contains("api/manage/uploads/{uploadId}/reprocess", routes);
        Assert.Contains("api/manage/keys/{keyId?}", routes);
        Assert.Contains("api/reports/participants", routes);
        Assert.Contains("api/reports/compliance", routes);
        Assert.All(PublicRoutes, route => Assert.Contains(route, routes));
        Assert.True(routes.Count >= 18, $"{routes.Count} HTTP routes");
    }
}
