using System.Text;
using System.Text.Json.Nodes;
using AfterSales.TestSupport.Engine;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Tests.Definitions;

public sealed class WorkflowJsonTests
{
    internal static WorkflowDefinition Sample() => new WorkflowBuilder("approval", "审批 Approval")
        .Description("An approval with \"quotes\" and 中文")
        .Variable("approved", "Boolean", false)
        .Variable("limit", "Number", 15)
        .Input("caseNumber", "String", required: true)
        .Activity("start", "Start")
        .Activity("task", "HumanTask",
            [Expr.Lit("role", "gm"), Expr.Liquid("title", "Approve {{ input.caseNumber }}"), Expr.Lit("outcomes", Expr.List("Approve", "Reject"))],
            [("outcome", "approved")])
        .Activity("end", "End", Expr.Js("output", "({ approved: variables.approved })"))
        .Connect("start", "task")
        .Connect("task", "Approve", "end")
        .Connect("task", "Reject", "end")
        .Build();

    [Fact]
    public void Serialize_GivesTheSameBytes_AfterARoundTrip()
    {
        var first = WorkflowJson.SerializeToUtf8(Sample());
        var second = WorkflowJson.SerializeToUtf8(WorkflowJson.Deserialize(Encoding.UTF8.GetString(first)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Serialize_OrdersInputsByName_WhateverOrderTheyWereGivenIn()
    {
        var a = new WorkflowBuilder("x").Activity("s", "Start").Activity("t", "HumanTask", Expr.Lit("title", "T"), Expr.Lit("role", "gm")).Build();
        var b = new WorkflowBuilder("x").Activity("s", "Start").Activity("t", "HumanTask", Expr.Lit("role", "gm"), Expr.Lit("title", "T")).Build();

        Assert.Equal(WorkflowJson.Serialize(a), WorkflowJson.Serialize(b));
    }

    [Fact]
    public void Serialize_WritesTheElsaExportShape()
    {
        var json = JsonNode.Parse(WorkflowJson.Serialize(Sample()))!;

        Assert.Equal("approval", json["definitionId"]!.GetValue<string>());
        Assert.Equal("Flowchart", json["root"]!["type"]!.GetValue<string>());
        var task = json["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "task")!;
        Assert.Equal("Liquid", task["title"]!["type"]!.GetValue<string>());
        Assert.Equal("approved", task["outcome"]!["variable"]!.GetValue<string>());
        Assert.Equal(240, task["metadata"]!["designer"]!["position"]!["x"]!.GetValue<double>());
        var connection = json["root"]!["connections"]![1]!;
        Assert.Equal("task", connection["source"]!["activity"]!.GetValue<string>());
        Assert.Equal("Approve", connection["source"]!["port"]!.GetValue<string>());
        Assert.Contains("中文", WorkflowJson.Serialize(Sample()));
    }

    [Fact]
    public void Deserialize_ReadsAnElsaFlowchartRootAndBareLiterals()
    {
        var definition = WorkflowJson.Deserialize("""
            { "definitionId": "d", "name": "D", "version": 3,
              "root": { "type": "Elsa.Flowchart",
                "activities": [ { "id": "a", "type": "Start" }, { "id": "b", "type": "Log", "message": "hello" } ],
                "connections": [ { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } } ] } }
            """);

        Assert.Equal(3, definition.Version);
        Assert.Equal(ExpressionSpec.Of("hello"), definition.Root.Activities[1].Inputs["message"]);
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("""{ "name": "x", "root": { "activities": [] } }""", "$.definitionId")]
    [InlineData("""{ "definitionId": "x", "root": { "activities": [ { "type": "Start" } ] } }""", "$.root.activities[0].id")]
    [InlineData("""{ "definitionId": "x", "root": { "type": "Sequence" } }""", "$.root.type")]
    [InlineData("""{ "definitionId": "x", "root": { "connections": [ { "source": 1 } ] } }""", "$.root.connections[0].source")]
    public void Deserialize_NamesThePathOfWhatIsMalformed(string json, string path)
    {
        var e = Assert.Throws<WorkflowJsonException>(() => WorkflowJson.Deserialize(json));

        Assert.Equal(path, e.Path);
    }
}
