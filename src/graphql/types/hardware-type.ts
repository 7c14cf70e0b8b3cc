// Hardware: a chip or accelerator models are trained on (NVIDIA H100 SXM5 80GB, Google TPU v4, ...).
import { Field, Float, ObjectType } from "type-graphql";
import type { NodeRecord } from "../../domain/graph.js";
import type { RelatedItem } from "../../store/port.js";
import { entityFields, NamedNode, nameFields, Node } from "./node-type.js";

@ObjectType({ implements: Node, description: "A chip or accelerator that models are trained on." })
export class Hardware extends NamedNode {
  @Field()
  slug: string;

  static from(record: NodeRecord): Hardware {
    return Object.assign(new Hardware(), entityFields(record), nameFields(record), { slug: record.key });
  }
}

@ObjectType({ description: "A model's training on one kind of hardware (TRAINED_ON), as a source gives it." })
export class HardwareUse {
  @Field(() => Float, { nullable: true, description: "How many chips, when the source says (for a model trained on several kinds, `note` says how the count applies)." })
  quantity: number | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  hardwareRecord: NodeRecord;
  modelSlug: string;
  sourceSlugs: string[];

  static from(modelSlug: string, hardwareRecord: NodeRecord, item: RelatedItem): HardwareUse {
    return Object.assign(new HardwareUse(), {
      quantity: typeof item.rel.quantity === "number" ? item.rel.quantity : null,
      note: typeof item.rel.note === "string" ? item.rel.note : null,
      hardwareRecord,
      modelSlug,
      sourceSlugs: (item.rel.sources ?? []) as string[],
    });
  }
}
