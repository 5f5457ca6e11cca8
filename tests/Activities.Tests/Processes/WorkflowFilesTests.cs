using System.Text.Json.Nodes;
using AfterSales.Activities.Forms;
using AfterSales.Activities.Mail;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Activities.Tests.Processes;

/// <summary>What every file of workflows-json keeps: canonical, valid, thresholds as variables, domain roles and outcomes.</summary>
public sealed class WorkflowFilesTests
{
    private static readonly string[] ProcessIds = ["complaint", "return_item", "special_order", "return_goods"];

    private static readonly HashSet<string> DomainRoles =
    [
        "aftersales", "aftersales_manager", "sales", "sales_head", "repair", "rnd", "pmc", "production",
        "production_manager", "qc", "warehouse", "gm", "management_office",
    ];

    // The domain page's branches in PascalCase; Phone/Email is how a simple complaint was answered (phone guidance gets a return visit).
    private static readonly HashSet<string> DomainOutcomes =
        ["Simple", "NeedsReturn", "OnSite", "Accept", "Reject", "Pass", "Fail", "Approve", "Done", "Phone", "Email"];

    public static readonly TheoryData<string> Files = new(WorkflowFiles.Paths.Select(p => Path.GetFileName(p)));

    [Fact]
    public void TheFolder_HoldsTheFourProcessesAndTheirSubFlows()
    {
        Assert.Equal(
            ["complaint", "material_requisition", "return_goods", "return_item", "return_visit", "sla_first_response", "special_order"],
            WorkflowFiles.Definitions.Select(d => d.DefinitionId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFile_IsCanonicalWorkflowJson_NamedAfterItsDefinition(string file)
    {
        var text = File.ReadAllText(Path.Combine(WorkflowFiles.Folder, file));

        var definition = WorkflowJson.Deserialize(text);

        Assert.Equal(WorkflowJson.Serialize(definition), text);
        Assert.Equal(definition.DefinitionId + ".json", file);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryWorkflow_Compiles_WithoutErrorsOrWarnings(string file)
    {
        using var engine = new TestEngine(b => b.AddAfterSalesActivities());

        var problems = engine.Compiler.Validate(Definition(file));

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryWorkflow_CountsItsEvents_AndIsLaidOutWithoutOverlaps(string file)
    {
        var definition = Definition(file);

        var sequence = Assert.Single(definition.Variables, v => v.Name == CaseEffectContext.EventSequenceVariable);
        Assert.Equal(("Number", "0"), (sequence.Type, sequence.Default?.ToJsonString()));
        var overlapping = definition.Root.Activities.GroupBy(a => a.Position).Where(g => g.Count() > 1).Select(g => string.Join("+", g.Select(a => a.Id)));
        Assert.Empty(overlapping);
        Assert.All(definition.Root.Activities, a => Assert.False(string.IsNullOrWhiteSpace(a.Name), $"{a.Id} has no name for the designer"));
    }

    [Theory]
    [InlineData("complaint", "returnVisitDelay", "Duration", "\"PT2H\"")]
    [InlineData("return_item", "returnVisitDelay", "Duration", "\"PT2H\"")]
    [InlineData("return_item", "selfRepairMaxSets", "Number", "15")]
    [InlineData("special_order", "specialOrderBatchSets", "Number", "10")]
    [InlineData("return_goods", "returnSmallMaxHosts", "Number", "5")]
    [InlineData("return_goods", "returnSmallMaxAccessories", "Number", "15")]
    [InlineData("return_visit", "returnVisitDelay", "Duration", "\"PT2H\"")]
    public void Thresholds_AndDelays_AreVariables_WithTheirDefaults(string definitionId, string variable, string type, string defaultJson)
    {
        var declared = Assert.Single(WorkflowFiles.Get(definitionId).Variables, v => v.Name == variable);

        Assert.Equal((type, defaultJson), (declared.Type, declared.Default?.ToJsonString()));
    }

    [Theory]
    [InlineData("complaint")]
    [InlineData("return_item")]
    [InlineData("special_order")]
    [InlineData("return_goods")]
    [InlineData("sla_first_response")]
    public void TheFirstResponseLadder_IsVariables_WithTheirDefaults(string definitionId)
    {
        var variables = WorkflowFiles.Get(definitionId).Variables.ToDictionary(v => v.Name, v => $"{v.Type} {v.Default?.ToJsonString()}");

        Assert.Equal("Duration \"PT24H\"", variables["firstResponseDue"]);
        Assert.Equal("Duration \"PT48H\"", variables["secondEscalationDue"]);
        Assert.Equal("Number 0.75", variables["preBreachWarningAt"]);
        Assert.Equal("StringList [\"owner\"]", variables["preBreachWarningTo"]);
        Assert.Equal("StringList [\"role:aftersales_manager\"]", variables["firstEscalationTo"]);
        Assert.Equal("StringList [\"role:gm\"]", variables["secondEscalationTo"]);
    }

    [Fact]
    public void EveryProcess_DeclaresWhatTheHostPassesFromTheCase_TheCaseNumberRequired()
    {
        foreach (var id in ProcessIds)
        {
            var inputs = WorkflowFiles.Get(id).Inputs.ToDictionary(i => i.Name);
            Assert.True(inputs["caseNumber"].Required, id);
            Assert.All(["caseId", "customerName", "customerEmail", "customerPhone", "channel", "owner", "productModel", "description", "receivedAt"],
                name => Assert.True(inputs.ContainsKey(name), $"{id} has no input {name}"));
        }
    }

    [Fact]
    public void EveryDecision_ComparesWithVariablesOrInput_NotWithNumbersWrittenIntoIt()
    {
        var decisions = WorkflowFiles.Definitions.SelectMany(d => d.Root.Activities.Where(a => a.Type == "Decision").Select(a => (d.DefinitionId, a))).ToList();

        Assert.All(decisions, x =>
        {
            var condition = x.a.Inputs["condition"];
            Assert.Equal(ExpressionSpec.JavaScript, condition.Type);
            Assert.Matches(@"\b(variables|input)\.", condition.Text);
            Assert.DoesNotMatch(@"\d", condition.Text);
        });
        Assert.Contains("variables.selfRepairMaxSets", Condition("return_item", "smallBatch"));
        Assert.Contains("variables.specialOrderBatchSets", Condition("special_order", "batchSize"));
        Assert.Contains("variables.returnSmallMaxHosts", Condition("return_goods", "small"));
        Assert.Contains("variables.returnSmallMaxAccessories", Condition("return_goods", "small"));
    }

    [Fact]
    public void EveryHumanTask_IsForADomainRole_WithDomainOutcomes_AndACatalogForm()
    {
        var forms = new FormCatalog();
        var tasks = WorkflowFiles.Definitions.SelectMany(d => d.Root.Activities.Where(a => a.Type == "HumanTask").Select(a => (d.DefinitionId, a))).ToList();

        Assert.All(tasks, x =>
        {
            var (id, task) = x;
            var role = task.Inputs["role"];
            if (role.Type == ExpressionSpec.Literal) Assert.Contains(role.Text, DomainRoles);
            else Assert.Equal(("material_requisition", "input.requesterRole"), (id, role.Text)); // the requester's role
            var outcomes = task.Inputs.TryGetValue("outcomes", out var o) ? o.Value!.AsArray().Select(v => (string)v!).ToArray() : ["Done"];
            Assert.All(outcomes, outcome => Assert.Contains(outcome, DomainOutcomes));
            if (task.Inputs.TryGetValue("form", out var form)) Assert.Contains(form.Text, forms.Names);
        });
        var usedForms = tasks.Where(x => x.a.Inputs.ContainsKey("form")).Select(x => x.a.Inputs["form"].Text).ToHashSet();
        Assert.Superset(
            new HashSet<string>(["ReturnTrackingForm", "MaterialRequisition", "QualityException", "CapaReport", "ContractReview", "WarehouseReceipt", "ServiceReport", "ReturnForm", "PartsShipment"]),
            usedForms);
    }

    [Fact]
    public void EveryMailRecipient_IsADomainRoleOrARelationOfTheCase()
    {
        var recipients = new List<string>();
        foreach (var d in WorkflowFiles.Definitions)
        {
            recipients.AddRange(d.Variables.Where(v => v.Type == "StringList" && v.Name.EndsWith("To", StringComparison.Ordinal)).SelectMany(v => v.Default!.AsArray().Select(r => (string)r!)));
            recipients.AddRange(d.Root.Activities.Where(a => a.Inputs.TryGetValue("to", out var to) && to.Type == ExpressionSpec.Literal)
                .SelectMany(a => a.Inputs["to"].Value!.AsArray().Select(r => (string)r!)));
        }

        Assert.NotEmpty(recipients);
        Assert.All(recipients, r => Assert.True(
            r is MailRecipients.Customer or MailRecipients.Owner || r.StartsWith(MailRecipients.RolePrefix, StringComparison.Ordinal) && DomainRoles.Contains(r[MailRecipients.RolePrefix.Length..]),
            $"'{r}' is not a domain role or a relation of the case"));
    }

    [Fact]
    public void RunWorkflow_StartsOnlyWorkflowsOfTheFolder()
    {
        var ids = WorkflowFiles.Definitions.Select(d => d.DefinitionId).ToHashSet();

        var children = WorkflowFiles.Definitions.SelectMany(d => d.Root.Activities).Where(a => a.Type == "RunWorkflow").Select(a => a.Inputs["definitionId"].Text).ToList();

        Assert.Subset(ids, children.ToHashSet());
        Assert.Equal(4, children.Count(c => c == "sla_first_response"));
    }

    private static WorkflowDefinition Definition(string file) => WorkflowJson.Deserialize(File.ReadAllText(Path.Combine(WorkflowFiles.Folder, file)));

    private static string Condition(string definitionId, string activityId) =>
        WorkflowFiles.Get(definitionId).Root.Activities.Single(a => a.Id == activityId).Inputs["condition"].Text;
}
