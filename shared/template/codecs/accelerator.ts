// Global Accelerator: the accelerator, its listeners (port ranges) and one endpoint group per region.

import type { PropertyReader } from '../property-reader.ts';
import { codec } from '../codec.ts';
import { endpointGroupDefaults } from '../../catalogue/defaults.ts';

/** Global Accelerator's defaults: endpoint weight 128, full traffic dial, 30 s checks, 3 failures. */
const DEFAULT_WEIGHT = endpointGroupDefaults().endpointWeight;

export const acceleratorCodec = codec({
  kind: 'accelerator',
  awsType: 'AWS::GlobalAccelerator::Accelerator',
  usual: true,
  read: (p) => {
    p.expect('Name', p.env.logicalId);
    return { enabled: p.flag('Enabled', true) };
  },
  write: (props, w) => ({ Name: w.logicalId, Enabled: props.enabled }),
});

export const acceleratorListenerCodec = codec({
  kind: 'acceleratorListener',
  awsType: 'AWS::GlobalAccelerator::Listener',
  usual: true,
  indexed: ['PortRanges'],
  read: (p) => {
    const accelerator = p.requiredRef('AcceleratorArn', ['accelerator']);
    const protocol = p.text('Protocol', 'TCP');
    const elements = p.elements('PortRanges');
    const modelled: PropertyReader[] = [];
    const ports: { from: number; to: number }[] = [];
    for (const e of elements) {
      if (!e.reader) continue;
      const from = e.reader.number('FromPort', 80);
      ports.push({ from, to: e.reader.number('ToPort', from) });
      modelled.push(e.reader);
    }
    p.finishList('PortRanges', modelled, elements.filter((e) => !e.reader).map((e) => e.raw), 'indexed');
    return accelerator === undefined ? undefined : { accelerator, protocol, ports };
  },
  write: (props, w) => ({
    AcceleratorArn: w.ref(props.accelerator),
    Protocol: props.protocol,
    PortRanges: props.ports.map((r) => ({ FromPort: r.from, ToPort: r.to })),
  }),
});

export const endpointGroupCodec = codec({
  kind: 'endpointGroup',
  awsType: 'AWS::GlobalAccelerator::EndpointGroup',
  usual: true,
  indexed: ['EndpointConfigurations'],
  read: (p) => {
    const listener = p.requiredRef('ListenerArn', ['acceleratorListener']);
    const region = p.text('EndpointGroupRegion', p.env.scope.region);
    const elements = p.elements('EndpointConfigurations');
    const endpoints: { target: number; weight: number }[] = [];
    const modelled: PropertyReader[] = [];
    for (const e of elements) {
      const target = e.reader?.ref('EndpointId', ['loadBalancer', 'instance']);
      if (!e.reader || target === undefined) continue;
      endpoints.push({ target, weight: e.reader.number('Weight', DEFAULT_WEIGHT) });
      modelled.push(e.reader);
    }
    const others = elements.filter((e) => !e.reader || !modelled.includes(e.reader)).map((e) => e.raw);
    p.finishList('EndpointConfigurations', modelled, others, 'indexed');
    const props = {
      region,
      endpoints,
      trafficDialPct: p.number('TrafficDialPercentage', endpointGroupDefaults().trafficDialPct),
      healthCheckIntervalS: p.number('HealthCheckIntervalSeconds', endpointGroupDefaults().healthCheckIntervalS),
      thresholdCount: p.number('ThresholdCount', endpointGroupDefaults().thresholdCount),
    };
    return listener === undefined ? undefined : { listener, ...props };
  },
  write: (props, w) => ({
    ListenerArn: w.ref(props.listener),
    EndpointGroupRegion: props.region,
    EndpointConfigurations: props.endpoints.map((e) => ({ EndpointId: w.ref(e.target), Weight: e.weight })),
    TrafficDialPercentage: props.trafficDialPct,
    HealthCheckIntervalSeconds: props.healthCheckIntervalS,
    ThresholdCount: props.thresholdCount,
  }),
});
