using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Jamsostek.Deploy.Tests;

/// <summary>
/// CI's check of infra/: the Bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64, pinned in Directory.Packages.props)
/// builds and lints main.bicep with its modules with no error and no warning, the function app runs the runtime the
/// app's build output is made for, and the template provisions what the functions' bindings (functions.metadata) name.
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
    public void StagedChunksLeftByAnUploadThatNeverFinishedAreDeletedAfterSevenDays()
    {
        var policy = Assert.Single(template.Resources("Microsoft.Storage/storageAccounts/managementPolicies"));
        var rules = policy["properties"]!["policy"]!["rules"]!.AsArray();

        var rule = Assert.Single(rules, r => r!["definition"]!["filters"]!["prefixMatch"]!.AsArray().Any(p => (string?)p == "staging/"))!;
        Assert.True((bool?)rule["enabled"]);
        Assert.Equal("Lifecycle", (string?)rule["type"]);
        Assert.Equal(7, (int?)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]);
        Assert.Contains("staging", template.StringList("appContainers"));
        // Nothing else is in the rule: uploads and reports are kept.
        Assert.Single(rule["definition"]!["filters"]!["prefixMatch"]!.AsArray());
    }

    [Fact]
    public void KeyVaultHasPurgeProtectionAndUploadsKeepVersionsAndDeletedBlobs()
    {
        var vault = Assert.Single(template.Resources("Microsoft.KeyVault/vaults"))["properties"]!;
        Assert.True((bool?)vault["enablePurgeProtection"]);
        Assert.True((bool?)vault["enableSoftDelete"]);

        var blobService = Assert.Single(template.Resources("Microsoft.Storage/storageAccounts/blobServices"))["properties"]!;
        Assert.True((bool?)blobService["isVersioningEnabled"]);
        Assert.True((bool?)blobService["deleteRetentionPolicy"]!["enabled"]);
        Assert.True((int?)blobService["deleteRetentionPolicy"]!["days"] >= 7);
    }

    [Fact]
    public void StorageReadsAndWritesAndTheFunctionAppsLogsGoToLogAnalytics()
    {
        var settings = template.Resources("Microsoft.Insights/diagnosticSettings");
        string[] Categories(JsonObject setting) =>
            [.. setting["properties"]!["logs"]!.AsArray().Where(l => (bool?)l!["enabled"] == true).Select(l => (string)l!["category"]!)];
        JsonObject Named(string name) => Assert.Single(settings, s => (string?)s["name"] == name);

        Assert.Equal(["StorageDelete", "StorageRead", "StorageWrite"], Categories(Named("tables-to-log-analytics")).Order());
        Assert.Equal(["StorageDelete", "StorageRead", "StorageWrite"], Categories(Named("blobs-to-log-analytics")).Order());
        Assert.Equal(["FunctionAppLogs"], Categories(Named("function-app-to-log-analytics")));
        Assert.All(settings, s => Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)s["properties"]!["workspaceId"]));
        Assert.Contains("tableServices", (string?)Named("tables-to-log-analytics")["scope"]);
    }

    [Fact]
    public void UndeliverableUploadEventsAreDeadLetteredAndAnAlertSaysSoAsDoesAnyPoisonQueueMessage()
    {
        var subscription = Assert.Single(template.Resources("Microsoft.EventGrid/systemTopics/eventSubscriptions"))["properties"]!;
        var deadLetter = subscription["deadLetterWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", (string?)deadLetter["identity"]!["type"]);
        Assert.Equal("StorageBlob", (string?)deadLetter["deadLetterDestination"]!["endpointType"]);
        Assert.Equal("eventgrid-deadletter", (string?)template.Variables["deadLetterContainerName"]);
        var topic = Assert.Single(template.Resources("Microsoft.EventGrid/systemTopics"));
        Assert.Equal("SystemAssigned", (string?)topic["identity"]!["type"]);

        var metricAlert = Assert.Single(template.Resources("Microsoft.Insights/metricAlerts"))["properties"]!;
        var criterion = Assert.Single(metricAlert["criteria"]!["allOf"]!.AsArray())!;
        Assert.Equal("DeadLetteredCount", (string?)criterion["metricName"]);
        Assert.Equal("GreaterThan", (string?)criterion["operator"]);
        Assert.Equal(0, (int?)criterion["threshold"]);

        var logAlert = Assert.Single(template.Resources("Microsoft.Insights/scheduledQueryRules"))["properties"]!;
        var query = (string?)Assert.Single(logAlert["criteria"]!["allOf"]!.AsArray())!["query"];
        Assert.Contains("StorageQueueLogs", query);
        Assert.Contains("PutMessage", query);
        Assert.Contains("-poison", query);
        // The queue writes it looks for reach the workspace.
        var queueLogs = Assert.Single(template.Resources("Microsoft.Insights/diagnosticSettings"), d => (string?)d["name"] == "queues-to-log-analytics");
        Assert.Contains(queueLogs["properties"]!["logs"]!.AsArray(), l => (string?)l!["category"] == "StorageWrite" && (bool?)l["enabled"] == true);
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts")]
    [InlineData("Microsoft.KeyVault/vaults")]
    public void StorageAndKeyVaultCloseToTheAllowedAddressesWhenAParameterNamesThem(string type)
    {
        var acls = Assert.Single(template.Resources(type))["properties"]!["networkAcls"]!;

        // Deny by default as soon as allowedIpRanges names any range, one IP rule per range; Azure services pass.
        Assert.Equal("[if(empty(parameters('allowedIpRanges')), 'Allow', 'Deny')]", (string?)acls["defaultAction"]);
        Assert.Equal("AzureServices", (string?)acls["bypass"]);
        var rules = Assert.Single(acls["copy"]!.AsArray())!;
        Assert.Equal("ipRules", (string?)rules["name"]);
        Assert.Equal("[length(parameters('allowedIpRanges'))]", (string?)rules["count"]);
        Assert.NotNull(template.Json["parameters"]!["allowedIpRanges"]);
    }

    [Fact]
    public void TheHostKeepsItsKeysInKeyVaultAndTheAppReadsTheMasterKeyFromThereToCheckOperatorCalls()
    {
        var appSettings = AppSettingsExpression();

        Assert.Contains("'AzureWebJobsSecretStorageType', 'keyvault'", appSettings);
        Assert.Contains("'AzureWebJobsSecretStorageKeyVaultUri', reference(resourceId('Microsoft.Resources/deployments', 'keyvault')", appSettings);
        Assert.Contains("'OperatorMasterKey', format('@Microsoft.KeyVault(SecretUri={0}secrets/host--masterKey--master/)'", appSettings);
        // The host writes its keys, so the app's identity is a Secrets Officer on the vault.
        Assert.Contains(template.Resources("Microsoft.Authorization/roleAssignments"), r =>
            ((string?)r["properties"]!["principalId"])!.Contains("appPrincipalId") && ((string?)r["properties"]!["roleDefinitionId"])!.Contains("keyVaultSecretsOfficer"));
    }

    [Fact]
    public void TheOperatorGetsRolesOnTheirContainersAndTablesOnlyNeverOnApiKeys()
    {
        var containers = template.StringList("operatorContainers");
        var tables = template.StringList("operatorTables");
        Assert.Equal(["reports", "uploads"], containers.Order());
        Assert.DoesNotContain("apikeys", tables);
        Assert.DoesNotContain("staging", containers);
        Assert.All(tables, table => Assert.Contains(table, template.StringList("appTables")));

        // Every operator role on storage is a copy loop scoped to one of those containers or tables, none to the account.
        var operatorStorageRoles = template.Resources("Microsoft.Authorization/roleAssignments")
            .Where(r => ((string?)r["properties"]!["principalId"])!.Contains("operatorPrincipalId")
                && ((string?)r["properties"]!["roleDefinitionId"])!.Contains("roles').storage"))
            .ToList();
        Assert.Equal(2, operatorStorageRoles.Count);
        Assert.All(operatorStorageRoles, r =>
        {
            Assert.NotNull(r["copy"]);
            Assert.Matches("parameters\\('operator(Containers|Tables)'\\)\\[copyIndex\\(\\)\\]", (string?)r["scope"]);
        });
    }

    [Fact]
    public void TheAppIdentityGetsStorageRolesOnEachContainerQueueAndTableItUsesNoneOnTheAccount()
    {
        var appStorageRoles = template.Resources("Microsoft.Authorization/roleAssignments")
            .Where(r => ((string?)r["properties"]!["principalId"])!.Contains("appPrincipalId")
                && ((string?)r["properties"]!["roleDefinitionId"])!.Contains("roles').storage"))
            .ToList();

        Assert.Equal(3, appStorageRoles.Count);
        Assert.All(appStorageRoles, r =>
        {
            Assert.NotNull(r["copy"]);
            Assert.Matches("parameters\\('app(Containers|Queues|Tables)'\\)\\[copyIndex\\(\\)\\]", (string?)r["scope"]);
        });

        // Every table the app's code opens is one it has a role on (a table missing here would be refused in Azure).
        var tablesInCode = Directory.EnumerateFiles(Path.Combine(Paths.Root, "functions", "Jamsostek.Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(file => TableNameConstant().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.Contains("apikeys", tablesInCode);
        Assert.Equal(tablesInCode.Order(), template.StringList("appTables").Order());

        // The host's own names, as the local host reproduces them, with the host id fixed by a setting.
        var host = File.ReadAllText(Path.Combine(Paths.Root, "functions", "Jamsostek.FunctionsHost", "Storage", "StorageClients.cs"))
            + File.ReadAllText(Path.Combine(Paths.Root, "functions", "Jamsostek.FunctionsHost", "Triggers", "BlobTriggerListener.cs"));
        Assert.Contains("HostContainer = \"azure-webjobs-hosts\"", host);
        Assert.Contains("PoisonQueue = \"webjobs-blobtrigger-poison\"", host);
        Assert.Contains("$\"azure-webjobs-blobtrigger-{hostId}\"", host);
        Assert.Equal(["azure-webjobs-hosts"], template.StringList("hostContainers"));
        Assert.Equal(["[format('azure-webjobs-blobtrigger-{0}', variables('hostId'))]", "webjobs-blobtrigger-poison"], template.StringList("hostQueues"));
        Assert.Contains("'AzureFunctionsWebHost__hostid', variables('hostId')", AppSettingsExpression());
    }

    [Fact]
    public void EverySettingABindingReadsIsAnAppSetting()
    {
        var settings = template.Variables["functionSettings"]!.AsObject().Select(setting => setting.Key).ToHashSet();

        var referenced = FunctionApp.Bindings(Paths.FunctionApp)
            .SelectMany(binding => binding.Strings())
            .SelectMany(text => SettingReference().Matches(text).Select(match => match.Groups[1].Value))
            .ToList();

        Assert.Contains("DigestSchedule", referenced);
        Assert.All(referenced, setting => Assert.Contains(setting, settings));
    }

    [Fact]
    public void EveryConnectionABindingUsesIsAnIdentityBasedConnectionOfTheApp()
    {
        var appSettings = AppSettingsExpression();

        // A storage binding without "connection" uses AzureWebJobsStorage, as the host's own storage does.
        var connections = FunctionApp.Bindings(Paths.FunctionApp)
            .Where(binding => !binding.IsType("httpTrigger") && !binding.IsType("http") && !binding.IsType("timerTrigger"))
            .Select(binding => binding.Connection ?? "AzureWebJobsStorage")
            .Distinct()
            .ToList();

        Assert.NotEmpty(connections);
        Assert.All(connections, connection =>
        {
            Assert.Contains($"'{connection}__accountName'", appSettings);
            Assert.Contains($"'{connection}__credential', 'managedidentity'", appSettings);
        });
    }

    [Fact]
    public void FunctionAppRunsTheDotnetIsolatedRuntimeTheAppIsBuiltFor()
    {
        var site = Assert.Single(template.Resources("Microsoft.Web/sites"));
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        var worker = FunctionApp.WorkerConfig(Paths.FunctionApp)["description"]!;
        var targetFramework = (string)FunctionApp.RuntimeConfig(Paths.FunctionApp)["runtimeOptions"]!["tfm"]!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal((string?)worker["language"], (string?)runtime["name"]);
        Assert.Equal($"net{(string?)runtime["version"]}", targetFramework);
    }

    [Fact]
    public void FunctionAppIsAFlexConsumptionAppThatDeploysFromItsContainer()
    {
        var site = Assert.Single(template.Resources("Microsoft.Web/sites"));
        var plan = Assert.Single(template.Resources("Microsoft.Web/serverfarms"));

        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("blobContainer", (string?)site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["type"]);
        // Flex Consumption has no stack settings in siteConfig; the runtime is functionAppConfig's.
        var siteConfig = site["properties"]!["siteConfig"]?.AsObject() ?? [];
        Assert.DoesNotContain(siteConfig, property => property.Key is "appSettings" or "linuxFxVersion" or "netFrameworkVersion");
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("WEBSITE_TIME_ZONE")]
    public void TemplateSetsNoAppSettingFlexConsumptionDoesNotSupport(string setting)
    {
        Assert.DoesNotContain(setting, template.Build.Output);
    }

    [Fact]
    public void AppSettingsConnectStorageAndTelemetryWithTheAppsIdentity()
    {
        var appSettings = AppSettingsExpression();

        Assert.Contains("'AzureWebJobsStorage__accountName'", appSettings);
        Assert.Contains("'AzureWebJobsStorage__credential', 'managedidentity'", appSettings);
        Assert.Contains("'APPLICATIONINSIGHTS_CONNECTION_STRING'", appSettings);
        Assert.Contains("'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', 'Authorization=AAD'", appSettings);
        Assert.DoesNotContain("AccountKey", template.Build.Output);
    }

    [Fact]
    public void EventGridSubscriptionsCallTheBlobExtensionWebhookOfTheFunction()
    {
        var subscription = Assert.Single(template.Resources("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        var destination = subscription["properties"]!["destination"]!;
        var url = (string)destination["properties"]!["endpointUrl"]!;

        Assert.Equal("WebHook", (string?)destination["endpointType"]);
        // https://{host}/runtime/webhooks/blobs?functionName=Host.Functions.{function}&code={blobs_extension key}
        Assert.Contains("'https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}'", url);
        Assert.Contains("systemKeys.blobs_extension", url);
        Assert.Equal("Microsoft.Storage.BlobCreated", (string?)Assert.Single(subscription["properties"]!["filter"]!["includedEventTypes"]!.AsArray()));
    }

    /// <summary>The appsettings module's appSettings parameter: one ARM expression (its values come from module outputs).</summary>
    private string AppSettingsExpression()
    {
        var module = Assert.Single(template.Json["resources"]!.AsArray(), resource => (string?)resource!["name"] == "appsettings")!;
        return (string)module["properties"]!["parameters"]!["appSettings"]!["value"]!;
    }

    [GeneratedRegex("(?:TableName|[A-Z][A-Za-z]*Table) = \"([a-z]+)\";")]
    private static partial Regex TableNameConstant();

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
