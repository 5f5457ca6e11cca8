using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Workflows.Definitions;

/// <summary>
/// Reads and writes workflow definitions as JSON in the shape of an Elsa 3 export. Writing is canonical:
/// fixed property order, inputs and outputs sorted by name, two-space indent, LF line ends, so the same
/// definition always gives the same bytes and definitions diff well in git.
/// </summary>
public static class WorkflowJson
{
    public const string FlowchartType = "Flowchart";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keep Chinese titles and quotes readable in git diffs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<string> NodeKeys = ["id", "type", "name", "metadata"];

    public static string Serialize(WorkflowDefinition definition) => Encoding.UTF8.GetString(SerializeToUtf8(definition));

    public static byte[] SerializeToUtf8(WorkflowDefinition definition)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteDefinition(w, definition);
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteDefinition(Utf8JsonWriter w, WorkflowDefinition d)
    {
        w.WriteStartObject();
        w.WriteString("definitionId", d.DefinitionId);
        w.WriteString("name", d.Name);
        if (d.Description is not null) w.WriteString("description", d.Description);
        w.WriteNumber("version", d.Version);
        w.WriteStartArray("variables");
        foreach (var v in d.Variables)
        {
            w.WriteStartObject();
            w.WriteString("name", v.Name);
            w.WriteString("type", v.Type);
            if (v.Default is not null)
            {
                w.WritePropertyName("default");
                v.Default.WriteTo(w);
            }
            if (v.IsInput) w.WriteBoolean("isInput", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("inputs");
        foreach (var i in d.Inputs)
        {
            w.WriteStartObject();
            w.WriteString("name", i.Name);
            w.WriteString("type", i.Type);
            if (i.Required) w.WriteBoolean("required", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("root");
        w.WriteString("type", FlowchartType);
        w.WriteStartArray("activities");
        foreach (var a in d.Root.Activities) WriteNode(w, a);
        w.WriteEndArray();
        w.WriteStartArray("connections");
        foreach (var c in d.Root.Connections)
        {
            w.WriteStartObject();
            WriteEndpoint(w, "source", c.Source);
            WriteEndpoint(w, "target", c.Target);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter w, ActivityNode a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("type", a.Type);
        if (a.Name is not null) w.WriteString("name", a.Name);
        foreach (var (name, spec) in a.Inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(name);
            w.WriteString("type", spec.Type);
            w.WritePropertyName("value");
            if (spec.Value is null) w.WriteNullValue();
            else spec.Value.WriteTo(w);
            w.WriteEndObject();
        }
        foreach (var (name, variable) in a.Outputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(name);
            w.WriteString("variable", variable);
            w.WriteEndObject();
        }
        w.WriteStartObject("metadata");
        w.WriteStartObject("designer");
        w.WriteStartObject("position");
        w.WriteNumber("x", a.Position.X);
        w.WriteNumber("y", a.Position.Y);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteEndpoint(Utf8JsonWriter w, string name, Endpoint e)
    {
        w.WriteStartObject(name);
        w.WriteString("activity", e.Activity);
        w.WriteString("port", e.Port);
        w.WriteEndObject();
    }

    /// <summary>Parses a definition; a malformed document throws <see cref="WorkflowJsonException"/> naming the JSON path.</summary>
    public static WorkflowDefinition Deserialize(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new WorkflowJsonException("$", $"not valid JSON: {e.Message}");
        }
        return Read(root);
    }

    public static WorkflowDefinition Read(JsonNode? root)
    {
        var obj = AsObject(root, "$");
        var rootNode = AsObject(obj["root"], "$.root");
        var rootType = OptionalString(rootNode, "type", "$.root") ?? FlowchartType;
        // Elsa names it "Elsa.Flowchart"; accept both so Elsa exports read.
        if (rootType is not (FlowchartType or "Elsa.Flowchart"))
            throw new WorkflowJsonException("$.root.type", $"'{rootType}' is not supported; the root must be a {FlowchartType}");

        return new WorkflowDefinition
        {
            DefinitionId = RequiredString(obj, "definitionId", "$"),
            Name = OptionalString(obj, "name", "$") ?? RequiredString(obj, "definitionId", "$"),
            Description = OptionalString(obj, "description", "$"),
            Version = obj["version"] is JsonValue ver ? ReadInt(ver, "$.version") : 1,
            Variables = ReadArray(obj, "variables", "$", (n, p) =>
            {
                var v = AsObject(n, p);
                return new VariableDefinition(RequiredString(v, "name", p), OptionalString(v, "type", p) ?? "Object", v["default"]?.DeepClone(),
                    OptionalBool(v, "isInput", p));
            }),
            Inputs = ReadArray(obj, "inputs", "$", (n, p) =>
            {
                var i = AsObject(n, p);
                return new InputDefinition(RequiredString(i, "name", p), OptionalString(i, "type", p) ?? "Object",
                    i["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req);
            }),
            Root = new Flowchart(
                ReadArray(rootNode, "activities", "$.root", ReadNode),
                ReadArray(rootNode, "connections", "$.root", ReadConnection)),
        };
    }

    private static ActivityNode ReadNode(JsonNode? node, string path)
    {
        var o = AsObject(node, path);
        var inputs = new Dictionary<string, ExpressionSpec>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in o)
        {
            if (NodeKeys.Contains(key)) continue;
            var p = $"{path}.{key}";
            if (value is JsonObject prop && prop["variable"] is JsonValue variable && variable.TryGetValue<string>(out var varName))
                outputs[key] = varName;
            else if (value is JsonObject expr && expr.ContainsKey("type"))
                inputs[key] = new ExpressionSpec(RequiredString(expr, "type", p), expr["value"]?.DeepClone());
            else
                // A bare value is taken as a literal: friendlier for hand-written JSON.
                inputs[key] = ExpressionSpec.Of(value?.DeepClone());
        }
        var position = o["metadata"]?["designer"]?["position"];
        return new ActivityNode
        {
            Id = RequiredString(o, "id", path),
            Type = RequiredString(o, "type", path),
            Name = OptionalString(o, "name", path),
            Inputs = inputs,
            Outputs = outputs,
            Position = position is JsonObject pos
                ? new Position(ReadDouble(pos["x"], $"{path}.metadata.designer.position.x"), ReadDouble(pos["y"], $"{path}.metadata.designer.position.y"))
                : default,
        };
    }

    private static Connection ReadConnection(JsonNode? node, string path)
    {
        var o = AsObject(node, path);
        return new Connection(ReadEndpoint(o["source"], $"{path}.source", "Done"), ReadEndpoint(o["target"], $"{path}.target", "In"));
    }

    private static Endpoint ReadEndpoint(JsonNode? node, string path, string defaultPort)
    {
        var o = AsObject(node, path);
        return new Endpoint(RequiredString(o, "activity", path), OptionalString(o, "port", path) ?? defaultPort);
    }

    private static IReadOnlyList<T> ReadArray<T>(JsonObject o, string key, string path, Func<JsonNode?, string, T> read)
    {
        if (o[key] is null) return [];
        if (o[key] is not JsonArray array) throw new WorkflowJsonException($"{path}.{key}", "must be an array");
        var list = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++) list.Add(read(array[i], $"{path}.{key}[{i}]"));
        return list;
    }

    private static JsonObject AsObject(JsonNode? node, string path) =>
        node as JsonObject ?? throw new WorkflowJsonException(path, "must be an object");

    private static string RequiredString(JsonObject o, string key, string path) =>
        OptionalString(o, key, path) is { Length: > 0 } s ? s : throw new WorkflowJsonException($"{path}.{key}", "is required");

    private static string? OptionalString(JsonObject o, string key, string path) => o[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new WorkflowJsonException($"{path}.{key}", "must be a string"),
    };

    private static bool OptionalBool(JsonObject o, string key, string path) => o[key] switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw new WorkflowJsonException($"{path}.{key}", "must be true or false"),
    };

    private static int ReadInt(JsonValue v, string path) =>
        v.TryGetValue<int>(out var i) ? i : throw new WorkflowJsonException(path, "must be an integer");

    private static double ReadDouble(JsonNode? n, string path) => n switch
    {
        null => 0,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new WorkflowJsonException(path, "must be a number"),
    };
}

/// <summary>A workflow JSON document that cannot be read; <see cref="Path"/> is the JSON path of the problem.</summary>
public sealed class WorkflowJsonException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
    public string Problem { get; } = message;
}
