using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Tests.Security;

/// <summary>Issue 7, finding 11: a 100,000-character definition id was saved and came back in a 100 KB Location header.</summary>
public sealed class DefinitionIdTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddTestActivities());

    public void Dispose() => _engine.Dispose();

    [Theory]
    [InlineData("complaint")]
    [InlineData("sla_first_response")]
    [InlineData("return-visit-2")]
    public void Validate_AcceptsAPlainDefinitionId(string id) =>
        Assert.DoesNotContain(_engine.Compiler.Validate(Flow(id)), p => p.Field == "definitionId");

    [Theory]
    [InlineData(101)]
    [InlineData(100_000)]
    public void Validate_RejectsADefinitionId_LongerThan100Characters(int length)
    {
        var problem = Assert.Single(_engine.Compiler.Validate(Flow(new string('a', length))), p => p.Field == "definitionId");

        Assert.Equal($"is {length} characters long: at most 100", problem.Message);
    }

    [Theory]
    [InlineData("Complaint")]
    [InlineData("a b")]
    [InlineData("../x")]
    [InlineData("_x")]
    [InlineData("x\ny")]
    public void Validate_RejectsADefinitionId_ThatIsNotPlain(string id) =>
        Assert.Single(_engine.Compiler.Validate(Flow(id)), p => p.Field == "definitionId" && p.Severity == Severity.Error);

    private static WorkflowDefinition Flow(string id) => new WorkflowBuilder(id, "Flow").Activity("start", "Start").Build();
}
