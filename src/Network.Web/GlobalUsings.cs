global using Network.Contracts;
global using Network.Contracts.Texts;
global using Network.Domain.Authorization;
global using Network.Domain.Families;
global using Network.Domain.Items;
global using Network.Domain.Registry;
global using Network.Domain.Plans;
