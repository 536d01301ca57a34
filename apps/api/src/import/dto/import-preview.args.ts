import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';

export enum ImportFormatValue {
  COMPOSE = 'compose',
  OPENSHIFT = 'openshift',
  CAPROVER = 'caprover',
  PORTAINER = 'portainer',
  NULECULE = 'nulecule',
}
registerEnumType(ImportFormatValue, { name: 'ImportFormat', description: 'A format `aisle import` reads.' });

@ArgsType()
export class ImportPreviewArgs {
  @Field({
    description: 'The source: a Compose file, an OpenShift Template, a CapRover one-click app, Portainer app templates or a Nulecule file (YAML or JSON).',
  })
  text!: string;

  @Field(() => ImportFormatValue, { nullable: true, description: 'Read the text as this format; by default told from its content.' })
  format?: ImportFormatValue | null;
}
