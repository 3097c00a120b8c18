global using System.Collections.Immutable;
global using Network.Domain.Common;
