using System.Text.Json.Nodes;

namespace Jamsostek.Deploy.Tests;

/// <summary>
/// The app's build output is what the Azure Functions host loads for a .NET isolated worker (the publish folder, and
/// so the package Flex Consumption runs, holds the same files): host.json, worker.config.json (how the host starts the
/// worker), functions.metadata (the functions and their bindings, written by the worker SDK), extensions.json with
/// the host-side binding extensions under .azurefunctions/.
/// </summary>
public sealed class FunctionAppFolderTests
{
    /// <summary>Every function the app has; functions.metadata must name exactly these.</summary>
    public static readonly string[] ExpectedFunctions =
    [
        "IngestUpload", "ValidateChunk", "PublishDigest", "ReprocessUpload", "ListUploads", "GetUpload", "GetUploadFindings",
        "GetRejectedRows", "UploadSheet", "ListAgreements", "CoverageReport", "ParticipantsReport", "ExpiringReport",
        "ComplianceReport", "GetAccess", "GetTemplate", "ManageKeys", "ManageRecipients", "ManageDigest", "OpenApiDocument", "Health", "Portal",
    ];

    /// <summary>
    /// The host-side extension serving each binding type: the storage extensions come from extensions.json, HTTP and
    /// timer are built into the host. A binding type not listed here is one the app has no extension for.
    /// </summary>
    private static readonly Dictionary<string, string?> ExtensionOfBindingType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["blobTrigger"] = "AzureStorageBlobs",
        ["blob"] = "AzureStorageBlobs",
        ["queueTrigger"] = "AzureStorageQueues",
        ["queue"] = "AzureStorageQueues",
        ["httpTrigger"] = null,
        ["http"] = null,
        ["timerTrigger"] = null,
    };

    private static string Folder => Paths.FunctionApp;

    [Fact]
    public void HostJsonIsVersion2WithNoCustomHandlerAndNoExtensionBundle()
    {
        var host = FunctionApp.HostJson(Folder);

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.False(host.ContainsKey("customHandler"), "host.json still names a custom handler");
        // A .NET isolated app brings its extensions in .azurefunctions/ (extensions.json); a bundle is for other languages.
        Assert.False(host.ContainsKey("extensionBundle"), "host.json names an extension bundle");
    }

    [Fact]
    public void HostJsonServesRoutesAsTheFunctionsDeclareThem()
    {
        var host = FunctionApp.HostJson(Folder);

        // No "api" prefix from the host: every API route carries api/ itself and the portal answers the site's root.
        Assert.Equal("", (string?)host["extensions"]?["http"]?["routePrefix"]);
    }

    [Fact]
    public void WorkerConfigStartsTheAppAsADotnetIsolatedWorkerThatIndexesItsOwnFunctions()
    {
        var description = FunctionApp.WorkerConfig(Folder)["description"]!.AsObject();

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("Jamsostek.Functions.dll", (string?)description["defaultWorkerPath"]);
        Assert.True(File.Exists(Path.Combine(Folder, "Jamsostek.Functions.dll")), "the worker assembly is not in the folder");
        Assert.Equal("true", (string?)description["workerIndexing"]);
    }

    [Fact]
    public void FunctionsMetadataNamesEveryFunctionOnce()
    {
        var names = FunctionApp.Functions(Folder).Select(function => function.Name).ToList();

        Assert.Equal(ExpectedFunctions.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryFunctionRunsInTheWorkerAssemblyWithExactlyOneInboundTrigger()
    {
        Assert.All(FunctionApp.Functions(Folder), function =>
        {
            Assert.Equal("Jamsostek.Functions.dll", function.ScriptFile);
            Assert.Equal("dotnet-isolated", function.Language);
            Assert.StartsWith("Jamsostek.Functions.", function.EntryPoint);
            var trigger = Assert.Single(function.Triggers);
            Assert.True(trigger.IsDirection("in"), $"{function.Name}: the trigger's direction is {trigger.Direction}");
            Assert.All(function.Bindings, binding => Assert.False(string.IsNullOrEmpty(binding.Name), $"{function.Name}: a binding has no name"));
        });
    }

    [Fact]
    public void IngestUploadRunsOnEventGridBlobsUnderUploadsAndQueuesChunksOnValidation()
    {
        var function = FunctionApp.Function(Folder, "IngestUpload");

        var trigger = Assert.Single(function.Triggers);
        Assert.True(trigger.IsType("blobTrigger"));
        Assert.Equal("uploads/{region}/{name}", trigger.Path);
        Assert.Equal("EventGrid", trigger.Source);
        var output = Assert.Single(function.Bindings, binding => binding.IsDirection("out"));
        Assert.True(output.IsType("queue"), $"IngestUpload's output is {output.Type}");
        Assert.Equal("validation", output.QueueName);
    }

    [Fact]
    public void ValidateChunkRunsOnTheValidationQueue()
    {
        var function = FunctionApp.Function(Folder, "ValidateChunk");

        var trigger = Assert.Single(function.Bindings);
        Assert.True(trigger.IsType("queueTrigger"), $"ValidateChunk's trigger is {trigger.Type}");
        Assert.Equal("validation", trigger.QueueName);
    }

    [Fact]
    public void PublishDigestRunsOnTheDigestScheduleSetting()
    {
        var function = FunctionApp.Function(Folder, "PublishDigest");

        var trigger = Assert.Single(function.Bindings);
        Assert.True(trigger.IsType("timerTrigger"), $"PublishDigest's trigger is {trigger.Type}");
        Assert.Equal("%DigestSchedule%", trigger.Schedule);
    }

    [Theory]
    [InlineData("ReprocessUpload", "admin", "api/manage/uploads/{uploadId}/reprocess", "post")]
    [InlineData("ListUploads", "anonymous", "api/uploads", "get")]
    [InlineData("GetUpload", "anonymous", "api/uploads/{uploadId}", "get")]
    [InlineData("GetUploadFindings", "anonymous", "api/uploads/{uploadId}/findings", "get")]
    [InlineData("GetRejectedRows", "anonymous", "api/uploads/{uploadId}/rejected", "get")]
    [InlineData("UploadSheet", "anonymous", "api/uploads", "post")]
    [InlineData("ListAgreements", "anonymous", "api/agreements", "get")]
    [InlineData("CoverageReport", "anonymous", "api/reports/coverage", "get")]
    [InlineData("ParticipantsReport", "anonymous", "api/reports/participants", "get")]
    [InlineData("ExpiringReport", "anonymous", "api/reports/expiring", "get")]
    [InlineData("ComplianceReport", "anonymous", "api/reports/compliance", "get")]
    [InlineData("GetAccess", "anonymous", "api/access", "get")]
    [InlineData("GetTemplate", "anonymous", "api/templates/{kind}", "get")]
    [InlineData("ManageKeys", "admin", "api/manage/keys/{keyId?}", "get", "post", "delete")]
    [InlineData("ManageRecipients", "admin", "api/manage/recipients/{recipientId?}", "get", "post", "put", "delete")]
    [InlineData("ManageDigest", "admin", "api/manage/digest/{week?}/{recipientId?}", "get", "delete")]
    [InlineData("OpenApiDocument", "anonymous", "api/openapi.json", "get")]
    [InlineData("Health", "anonymous", "api/health", "get")]
    [InlineData("Portal", "anonymous", "{*path}", "get")]
    public void HttpFunctionHasItsRouteMethodsAndAuthLevel(string name, string authLevel, string route, params string[] methods)
    {
        var function = FunctionApp.Function(Folder, name);

        var trigger = Assert.Single(function.Triggers);
        Assert.True(trigger.IsType("httpTrigger"), $"{name}'s trigger is {trigger.Type}");
        Assert.Equal(route, trigger.Route);
        Assert.Equal(authLevel, trigger.AuthLevel, ignoreCase: true);
        Assert.Equal(methods.Order(), trigger.Methods.Select(method => method.ToLowerInvariant()).Order());
        var response = Assert.Single(function.Bindings, binding => binding.IsDirection("out"));
        Assert.True(response.IsType("http"), $"{name}'s output is {response.Type}");
    }

    [Fact]
    public void ExtensionsJsonNamesTheStorageExtensionsWithTheirAssembliesInDotAzureFunctions()
    {
        var extensions = Extensions();
        var azureFunctions = Path.GetFullPath(Path.Combine(Folder, ".azurefunctions")) + Path.DirectorySeparatorChar;

        Assert.Contains("AzureStorageBlobs", extensions.Keys);
        Assert.Contains("AzureStorageQueues", extensions.Keys);
        Assert.All(extensions, extension =>
        {
            var hintPath = (string?)extension.Value["hintPath"];
            Assert.False(string.IsNullOrEmpty(hintPath), $"{extension.Key} has no hintPath");
            var file = Path.GetFullPath(Path.Combine(Folder, hintPath!));
            Assert.StartsWith(azureFunctions, file);
            Assert.True(File.Exists(file), $"{extension.Key}: {hintPath} is not in the folder");
            // "Namespace.Type, Assembly, Version=..., ...": the hint path is that assembly.
            var assembly = ((string)extension.Value["typeName"]!).Split(',')[1].Trim();
            Assert.Equal(assembly + ".dll", Path.GetFileName(file));
        });
    }

    [Fact]
    public void EveryBindingTypeHasItsExtensionInTheFolderOrIsBuiltIntoTheHost()
    {
        var extensions = Extensions();

        Assert.All(FunctionApp.Bindings(Folder), binding =>
        {
            Assert.True(ExtensionOfBindingType.TryGetValue(binding.Type ?? "", out var extension),
                $"{binding.Function}: binding type {binding.Type} has no extension the app ships or the host has built in");
            if (extension is not null)
            {
                Assert.True(extensions.ContainsKey(extension), $"{binding.Function}: {binding.Type} needs {extension}, which extensions.json does not name");
            }
        });
    }

    private static Dictionary<string, JsonObject> Extensions() =>
        FunctionApp.ExtensionsJson(Folder)["extensions"]!.AsArray()
            .Select(extension => extension!.AsObject())
            .ToDictionary(extension => (string)extension["name"]!, StringComparer.Ordinal);
}
