using System.Text.Json;
using System.Text.Json.Serialization;

namespace Network.Api.Features.Boards.GetTimeline;

/// <summary>
/// The timeline's JSON written by generated code rather than through reflection for each of its
/// items: the API's options (the web defaults, enums by name), the same text as any other answer
/// writes (a test compares them; the encoder is the writer's, see <see cref="Infrastructure.Http.WholeJson{T}"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(TimelineView))]
public sealed partial class TimelineJson : JsonSerializerContext;
