using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace AfterSales.Workflows.Expressions;

/// <summary>Moves values between workflow JSON and the JavaScript sandbox, without CLR objects crossing over.</summary>
internal static class JsValues
{
    public static JsValue FromJson(Engine engine, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject o:
                var obj = new JsObject(engine);
                foreach (var (key, value) in o) obj.FastSetDataProperty(key, FromJson(engine, value));
                return obj;
            case JsonArray a:
                var items = new JsValue[a.Count];
                for (var i = 0; i < items.Length; i++) items[i] = FromJson(engine, a[i]);
                return new JsArray(engine, items);
            case JsonValue v:
                return v.GetValueKind() switch
                {
                    System.Text.Json.JsonValueKind.String => new JsString(JsonNumbers.Text(v)),
                    System.Text.Json.JsonValueKind.Number => new JsNumber(JsonNumbers.TryGetDouble(v, out var d) ? d : double.NaN),
                    System.Text.Json.JsonValueKind.True => JsBoolean.True,
                    System.Text.Json.JsonValueKind.False => JsBoolean.False,
                    _ => JsValue.Null,
                };
            default:
                return JsValue.Undefined;
        }
    }

    public static JsonNode? ToJson(JsValue value, int depth = 0)
    {
        if (depth > 64) throw new ExpressionException("the script's result is nested too deeply");
        switch (value.Type)
        {
            case Types.Undefined or Types.Null:
                return null;
            case Types.Boolean:
                return JsonValue.Create(value.AsBoolean());
            case Types.String:
                return JsonValue.Create(value.AsString());
            case Types.Number:
                // Whole numbers stay whole in JSON ("3", not "3.0"); others stay doubles.
                return JsonNumbers.Create(value.AsNumber());
            case Types.Object when value.IsArray():
                var array = value.AsArray();
                var list = new JsonArray();
                var length = (uint)TypeConverter.ToNumber(array.Get("length"));
                for (uint i = 0; i < length; i++) list.Add(ToJson(array.Get(i), depth + 1));
                return list;
            case Types.Object when value.IsDate():
                return JsonValue.Create(value.AsDate().ToDateTime().ToString("O"));
            case Types.Object when value is ObjectInstance o && o is not Jint.Native.Function.Function:
                var result = new JsonObject();
                foreach (var (key, descriptor) in o.GetOwnProperties())
                {
                    if (!descriptor.Enumerable || !key.IsString()) continue;
                    result[key.AsString()] = ToJson(o.Get(key), depth + 1);
                }
                return result;
            default:
                throw new ExpressionException($"a script cannot return a {value.Type}");
        }
    }

    public static T To<T>(JsValue value)
    {
        if (typeof(T) == typeof(bool)) return (T)(object)TypeConverter.ToBoolean(value);
        if (typeof(T) == typeof(string) && value.IsString()) return (T)(object)value.AsString();
        if (typeof(T) == typeof(double) && value.IsNumber()) return (T)(object)value.AsNumber();
        return ValueConverter.Convert<T>(ToJson(value));
    }
}
