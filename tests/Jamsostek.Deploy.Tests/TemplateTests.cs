using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jamsostek.Packaging;

namespace Jamsostek.Deploy.Tests;

/// <summary>
/// CI's check of infra/: the Bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64, pinned in Directory.Packages.props)
/// builds and lints main.bicep with its modules with no error and no warning, and the template provisions what the
/// functions' bindings name.
/// </summary>
public sealed partial class TemplateTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    [Fact]
    public void MainTemplateBuildsWithNoErrorOrWarning()
    {
        Assert.True(template.Build.ExitCode == 0, template.Build.Diagnostics);
        Assert.Equal("", template.Build.Diagnostics);
        Assert.NotEmpty(template.Json["resources"]!.AsArray());
    }

    [Fact]
    public async Task MainTemplateAndItsModulesPassTheLinterWithNoErrorOrWarning()
    {
        var lint = await Bicep.RunAsync("lint", Paths.MainTemplate);

        Assert.True(lint.ExitCode == 0, lint.Diagnostics);
        Assert.Equal("", lint.Diagnostics);
        Assert.Equal("", lint.Output.Trim());
    }

    [Fact]
    public void EveryModuleFileIsUsedByTheMainTemplateSoTheLinterSeesIt()
    {
        var main = File.ReadAllText(Paths.MainTemplate);

        Assert.All(Directory.EnumerateFiles(Path.Combine(Paths.Infra, "app"), "*.bicep"),
            module => Assert.Contains($"'app/{Path.GetFileName(module)}'", main));
    }

    [Fact]
    public void EveryParameterOfEveryTemplateHasADescription()
    {
        var undescribed = template.Templates()
            .SelectMany(t => t["parameters"]?.AsObject() ?? [])
            .Where(parameter => string.IsNullOrWhiteSpace((string?)parameter.Value?["metadata"]?["description"]))
            .Select(parameter => parameter.Key);

        Assert.Empty(undescribed);
    }

    [Fact]
    public void OutputsOfTheMainTemplateAreUpperSnakeCase()
    {
        var outputs = template.Json["outputs"]!.AsObject().Select(output => output.Key).ToList();

        Assert.Contains("FUNCTION_APP_URL", outputs);
        Assert.Contains("STORAGE_ACCOUNT_NAME", outputs);
        Assert.All(outputs, name => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", name));
    }

    [Fact]
    public void ParametersFileSetsOnlyDeclaredParametersWithAllowedValues()
    {
        var declared = template.Json["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(file, parameter =>
        {
            Assert.True(declared.ContainsKey(parameter.Key), $"main.parameters.json sets {parameter.Key}, which main.bicep does not declare");
            if (declared[parameter.Key]!["allowedValues"] is JsonArray allowed)
            {
                Assert.Contains(allowed, value => JsonNode.DeepEquals(value, parameter.Value!["value"]));
            }
        });
        Assert.All(declared.Where(parameter => parameter.Value!["defaultValue"] is null),
            parameter => Assert.True(file.ContainsKey(parameter.Key), $"{parameter.Key} has no default and is not in main.parameters.json"));
    }

    [Fact]
    public void EveryContainerAFunctionBindsIsProvisioned()
    {
        var containers = template.StringList("appContainers");

        var bound = FunctionApp.Bindings(Paths.FunctionApp)
            .Where(binding => binding.Type?.StartsWith("blob", StringComparison.OrdinalIgnoreCase) == true && binding.Path is not null)
            .Select(binding => binding.Path!.Split('/')[0])
            .Where(container => !container.StartsWith('{') && !container.StartsWith('%'))
            .ToList();

        Assert.NotEmpty(bound);
        Assert.All(bound, container => Assert.Contains(container, containers));
        Assert.Contains("staging", containers);
        Assert.Contains("reports", containers);
    }

    [Fact]
    public void EveryQueueAFunctionBindsIsProvisionedWithThePoisonQueueOfEachTrigger()
    {
        var queues = template.StringList("storageQueues");
        var bindings = FunctionApp.Bindings(Paths.FunctionApp).Where(binding => binding.IsType("queue") || binding.IsType("queueTrigger")).ToList();

        Assert.NotEmpty(bindings);
        Assert.All(bindings, binding =>
        {
            Assert.Contains(binding.QueueName, queues);
            if (binding.IsType("queueTrigger"))
            {
                Assert.Contains($"{binding.QueueName}-poison", queues);
            }
        });
    }

    [Fact]
    public void ServiceBusProvidesTheQueuesThePublishStepMoves()
    {
        var serviceBusQueues = template.StringList("serviceBusQueues");
        var bound = FunctionApp.Bindings(Paths.FunctionApp).Select(binding => binding.QueueName).ToHashSet();

        Assert.Equal(TransportSwitch.DefaultQueues.Order(), serviceBusQueues.Order());
        Assert.All(serviceBusQueues, queue => Assert.Contains(queue, bound));
    }

    [Fact]
    public void ServiceBusDeadLettersAfterAsManyDeliveriesAsHostJsonAllowsDequeues()
    {
        var host = FunctionApp.HostJson(Paths.FunctionApp);

        Assert.Equal((int)host["extensions"]!["queues"]!["maxDequeueCount"]!, (int)template.Variables["maxDeliveryCount"]!);
    }

    [Fact]
    public void EveryEventGridBlobTriggerGetsAnEventGridSubscriptionOnItsContainer()
    {
        var subscribed = template.Variables["eventGridBlobTriggers"]!.AsArray()
            .Select(trigger => ((string)trigger!["functionName"]!, (string)trigger["containerName"]!))
            .ToList();

        var triggers = FunctionApp.Bindings(Paths.FunctionApp)
            .Where(binding => binding.IsType("blobTrigger") && string.Equals(binding.Source, "EventGrid", StringComparison.OrdinalIgnoreCase))
            .Select(binding => (binding.Function, binding.Path!.Split('/')[0]))
            .ToList();

        Assert.Contains(("IngestUpload", "uploads"), triggers);
        Assert.Equal(triggers.Order(), subscribed.Order());
    }

    [Fact]
    public void EverySettingAFunctionJsonReadsIsAnAppSetting()
    {
        var settings = template.Variables["functionSettings"]!.AsObject().Select(setting => setting.Key).ToHashSet();

        var referenced = FunctionApp.Bindings(Paths.FunctionApp)
            .SelectMany(binding => binding.Json.Select(property => property.Value))
            .OfType<JsonValue>()
            .Where(value => value.TryGetValue<string>(out _))
            .SelectMany(value => SettingReference().Matches((string)value!).Select(match => match.Groups[1].Value))
            .ToList();

        Assert.All(referenced, setting => Assert.Contains(setting, settings));
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
