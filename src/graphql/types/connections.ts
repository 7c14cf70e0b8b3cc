// The connection types of the schema, one per node type that appears in a growing list.
import type { ClassType } from "type-graphql";
import { Application } from "./application-type.js";
import { Asset } from "./asset-type.js";
import { Benchmark } from "./benchmark-type.js";
import { ConnectionType } from "./connection-type.js";
import { Country } from "./country-type.js";
import { Dataset } from "./dataset-type.js";
import { Hardware } from "./hardware-type.js";
import { Indicator } from "./indicator-type.js";
import { Model } from "./model-type.js";
import { ModelGroup } from "./model-stats-type.js";
import { Organization } from "./organization-type.js";
import { Report } from "./report-type.js";
import { Source } from "./source-type.js";

export const CountryConnection = ConnectionType(Country, "Country");
export const OrganizationConnection = ConnectionType(Organization, "Organization");
export const ModelConnection = ConnectionType(Model, "Model");
export const BenchmarkConnection = ConnectionType(Benchmark, "Benchmark");
export const IndicatorConnection = ConnectionType(Indicator, "Indicator");
export const ReportConnection = ConnectionType(Report, "Report");
export const SourceConnection = ConnectionType(Source, "Source");
// Asset is an (abstract) interface class; a connection of it lists models, datasets, applications alike.
export const AssetConnection = ConnectionType(Asset as unknown as ClassType<Asset>, "Asset");
export const DatasetConnection = ConnectionType(Dataset, "Dataset");
export const ApplicationConnection = ConnectionType(Application, "Application");
export const HardwareConnection = ConnectionType(Hardware, "Hardware");
export const ModelGroupConnection = ConnectionType(ModelGroup, "ModelGroup");
