global using System.Collections.Immutable;
global using Network.Domain.Authorization;
global using Network.Domain.Common;
global using Network.Domain.Families;
global using Network.Domain.Items;
global using Network.Domain.Registry;
global using Network.Domain.Boards;
global using Network.Domain.Plans;
