using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Tests.TestActivities;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Tests.Definitions;

public sealed class ValidationTests : IDisposable
{
    private readonly TestEngine _engine = new(b => b.AddTestActivities());

    public void Dispose() => _engine.Dispose();

    private IReadOnlyList<ValidationProblem> Errors(WorkflowBuilder builder) =>
        _engine.Compiler.Validate(builder.Build()).Where(p => p.Severity == Severity.Error).ToList();

    private static WorkflowBuilder Flow() => new WorkflowBuilder("v").Activity("start", "Start");

    [Fact]
    public void Validate_AcceptsAValidDefinition()
    {
        Assert.Empty(_engine.Compiler.Validate(WorkflowJsonTests.Sample()));
    }

    [Fact]
    public void Validate_RejectsAnUnknownActivityType()
    {
        var problem = Assert.Single(Errors(Flow().Activity("x", "Teleport").Connect("start", "x")));

        Assert.Equal(("x", "type"), (problem.ActivityId, problem.Field));
        Assert.Contains("Teleport", problem.Message);
    }

    [Fact]
    public void Validate_RejectsAMissingRequiredInput()
    {
        var problem = Assert.Single(Errors(Flow().Activity("d", "Decision").Connect("start", "d")));

        Assert.Equal(("d", "condition"), (problem.ActivityId, problem.Field));
        Assert.Contains("required", problem.Message);
    }

    [Fact]
    public void Validate_RejectsAnInputTheActivityDoesNotHave()
    {
        var problem = Assert.Single(Errors(Flow().Activity("l", "Log", Expr.Lit("message", "m"), Expr.Lit("colour", "red")).Connect("start", "l")));

        Assert.Equal(("l", "colour"), (problem.ActivityId, problem.Field));
    }

    [Fact]
    public void Validate_RejectsAConnectionToAMissingActivity()
    {
        var problem = Assert.Single(Errors(Flow().Connect("start", "nowhere")));

        Assert.Equal("connections[0].target.activity", problem.Field);
        Assert.Contains("nowhere", problem.Message);
    }

    [Fact]
    public void Validate_RejectsAConnectionFromAnUndeclaredOutcome()
    {
        var problem = Assert.Single(Errors(Flow()
            .Activity("d", "Decision", Expr.Js("condition", "true")).Activity("l", "Log", Expr.Lit("message", "m"))
            .Connect("start", "d").Connect("d", "Maybe", "l")));

        Assert.Equal(("d", "connections[1].source.port"), (problem.ActivityId, problem.Field));
        Assert.Contains("True, False", problem.Message);
    }

    [Fact]
    public void Validate_ChecksDynamicOutcomesAgainstTheLiteralList()
    {
        var problem = Assert.Single(Errors(Flow()
            .Activity("t", "HumanTask", Expr.Lit("role", "gm"), Expr.Lit("title", "T"), Expr.Lit("outcomes", Expr.List("Approve", "Reject")))
            .Activity("l", "Log", Expr.Lit("message", "m"))
            .Connect("start", "t").Connect("t", "Approve", "l").Connect("t", "Done", "l")));

        Assert.Equal("connections[2].source.port", problem.Field);
    }

    [Fact]
    public void Validate_RejectsADefinitionWithNoStart()
    {
        var problem = Assert.Single(Errors(new WorkflowBuilder("v").Activity("l", "Log", Expr.Lit("message", "m"))));

        Assert.Contains("no start", problem.Message);
    }

    [Fact]
    public void Validate_RejectsTwoStarts()
    {
        var problem = Assert.Single(Errors(Flow().Activity("start2", "Start")));

        Assert.Equal(("start2", "type"), (problem.ActivityId, problem.Field));
    }

    [Theory]
    [InlineData("JavaScript", "variables.x +* 2", "does not parse")]
    [InlineData("Liquid", "Hello {{ variables.x ", "does not parse")]
    [InlineData("Python", "x", "unknown expression type")]
    public void Validate_RejectsAnExpressionThatDoesNotParse(string language, string code, string expected)
    {
        var problem = Assert.Single(Errors(Flow().Activity("l", "Log", ("message", new ExpressionSpec(language, code))).Connect("start", "l")));

        Assert.Equal(("l", "message"), (problem.ActivityId, problem.Field));
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void Validate_RejectsALiteralOfTheWrongType()
    {
        var problem = Assert.Single(Errors(Flow().Activity("d", "Delay", Expr.Lit("duration", "soon")).Connect("start", "d")));

        Assert.Equal(("d", "duration"), (problem.ActivityId, problem.Field));
        Assert.Contains("duration", problem.Message);
    }

    // Elsa 3 writes an input as {"typeName": …, "expression": {"type": …, "value": …}}: without a "type" key of its own the
    // object is no expression of ours, and a text or a true/false input must not quietly take its JSON text.
    [Theory]
    [InlineData("Log", "message", """{"typeName": "String", "expression": {"type": "Literal", "value": "hello"}}""")]
    [InlineData("Log", "message", """{"text": "hello"}""")]
    [InlineData("Decision", "condition", """{"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "true"}}""")]
    public void Validate_RejectsAnObjectThatIsNotAnExpression_GivenToABooleanOrTextInput(string type, string input, string value)
    {
        var json = $$$"""
            {"definitionId": "v", "name": "v", "root": {"type": "Flowchart", "activities": [
              {"id": "start", "type": "Start"}, {"id": "a", "type": "{{{type}}}", "{{{input}}}": {{{value}}}}],
             "connections": [{"source": {"activity": "start", "port": "Done"}, "target": {"activity": "a", "port": "In"}}]}}
            """;

        var problems = _engine.Compiler.Validate(WorkflowJson.Deserialize(json)).Where(p => p.Severity == Severity.Error);

        var problem = Assert.Single(problems);
        Assert.Equal(("a", input), (problem.ActivityId, problem.Field));
        Assert.Contains("not an expression", problem.Message);
    }

    [Fact]
    public void Validate_RejectsAnOutputBoundToAnUndeclaredVariable()
    {
        var problem = Assert.Single(Errors(Flow()
            .Activity("t", "HumanTask", [Expr.Lit("role", "gm"), Expr.Lit("title", "T")], [("outcome", "missing")])
            .Connect("start", "t")));

        Assert.Equal(("t", "outcome"), (problem.ActivityId, problem.Field));
    }

    [Fact]
    public void Validate_RejectsDuplicateIdsAndBadVariableDefaults()
    {
        var errors = Errors(Flow().Variable("n", "Number", "ten").Activity("start", "Log", Expr.Lit("message", "m")));

        Assert.Contains(errors, p => p.Field == "variables[0].default");
        Assert.Contains(errors, p => p.ActivityId == "start" && p.Field == "id");
    }

    [Fact]
    public void Validate_WarnsAboutUnreachableActivities_WithoutRejecting()
    {
        var problems = _engine.Compiler.Validate(Flow().Activity("island", "Log", Expr.Lit("message", "m")).Build());

        var warning = Assert.Single(problems);
        Assert.Equal((Severity.Warning, "island"), (warning.Severity, warning.ActivityId));
    }

    [Fact]
    public void Compile_RejectsTheWholeDefinition_ListingEveryError()
    {
        var e = Assert.Throws<WorkflowValidationException>(() => _engine.Compile(new WorkflowBuilder("v")
            .Activity("a", "Teleport").Activity("b", "Decision").Build()));

        Assert.Equal(3, e.Problems.Count(p => p.Severity == Severity.Error)); // unknown type, missing condition, no start
    }
}
