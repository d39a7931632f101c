import type { Clock } from '../../kernel/clock.js';
import type {
  Open311Backend,
  Open311Client,
  Open311NewRequest,
  Open311Request,
  Open311RequestFilter,
  Open311Service,
} from './open311.types.js';

/*
 * Test support: an Open311Backend over in-memory arrays, for the protocol layer's route tests. The
 * real backend over the case ledger is tested end to end with the cases module.
 */

export const SAMPLE_SERVICES: Open311Service[] = [
  {
    service_code: '0101',
    service_name: '私搭乱建',
    description: '未经批准搭建的建筑物、构筑物',
    type: 'realtime',
    keywords: ['违建', '乱搭'],
    group: '市容环境',
    attributes: [],
  },
  {
    service_code: '0102',
    service_name: '暴露垃圾',
    description: '道路、绿地上的暴露垃圾 & 积存物',
    type: 'realtime',
    keywords: [],
    group: '市容环境',
    attributes: [
      {
        variable: true,
        code: 'AMOUNT',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: '垃圾量',
        values: [
          { key: 'small', name: '少量（一袋以内）' },
          { key: 'large', name: '大量' },
        ],
      },
      {
        variable: true,
        code: 'KINDS',
        datatype: 'multivaluelist',
        required: false,
        datatype_description: '可多选',
        order: 2,
        description: '垃圾种类',
        values: [
          { key: 'household', name: '生活垃圾' },
          { key: 'construction', name: '建筑垃圾' },
          { key: 'hazardous', name: '有害垃圾' },
        ],
      },
      {
        variable: false,
        code: 'NOTE',
        datatype: 'text',
        required: false,
        datatype_description: null,
        order: 3,
        description: '紧急情况请拨打 12345',
        values: [],
      },
      {
        variable: true,
        code: 'SEEN_AT',
        datatype: 'datetime',
        required: false,
        datatype_description: null,
        order: 4,
        description: '发现时间',
        values: [],
      },
      {
        variable: true,
        code: 'BAGS',
        datatype: 'number',
        required: false,
        datatype_description: null,
        order: 5,
        description: '袋数',
        values: [],
      },
      {
        variable: true,
        code: 'PLATE',
        datatype: 'string',
        required: false,
        datatype_description: '如 豫P12345',
        order: 6,
        description: '倾倒车辆车牌',
        values: [],
      },
    ],
  },
  {
    service_code: '5001',
    service_name: '空中线缆/飞线',
    description: null,
    type: 'batch',
    keywords: ['飞线'],
    group: '本地事件',
    attributes: [],
  },
];

export class MemoryOpen311Backend implements Open311Backend {
  readonly requests: Open311Request[] = [];
  readonly created: { client: Open311Client; input: Open311NewRequest }[] = [];
  readonly tokens = new Map<string, string | null>();
  readonly filters: Open311RequestFilter[] = [];
  /** What servicesChangedAt answers. */
  changedAt: Date | null = null;
  private seq = 0;

  constructor(
    private readonly clock: Clock,
    readonly catalogue: Open311Service[] = SAMPLE_SERVICES,
  ) {}

  async services(): Promise<Open311Service[]> {
    return this.catalogue;
  }

  async createRequest(client: Open311Client, input: Open311NewRequest) {
    this.created.push({ client, input });
    const service = this.catalogue.find((s) => s.service_code === input.service_code)!;
    const id = `${client.districtCode}-20261130-${String(++this.seq).padStart(4, '0')}`;
    this.add({
      service_request_id: id,
      status: 'open',
      status_notes: '待受理',
      service_name: service.service_name,
      service_code: service.service_code,
      description: input.description,
      agency_responsible: null,
      service_notice: null,
      requested_datetime: this.clock.now(),
      updated_datetime: this.clock.now(),
      expected_datetime: null,
      address: input.address_string,
      address_id: input.address_id,
      zipcode: null,
      lat: input.lat,
      long: input.long,
      media_url: input.media_url,
    });
    if (service.type === 'batch') {
      const token = `T${this.seq}`;
      this.tokens.set(token, null);
      return { serviceRequestId: null, token };
    }
    return {
      serviceRequestId: id,
      token: null,
      serviceNotice: '将在 2 个工作日内处置',
      accountId: input.account_id ?? undefined,
    };
  }

  add(r: Open311Request): void {
    this.requests.push(r);
  }

  async findRequests(_district: string, f: Open311RequestFilter): Promise<Open311Request[]> {
    this.filters.push(f);
    const hits = this.requests.filter((r) =>
      f.ids
        ? f.ids.includes(r.service_request_id)
        : (!f.serviceCodes || f.serviceCodes.includes(r.service_code)) &&
          (!f.statuses || f.statuses.includes(r.status)) &&
          (!f.start || r.requested_datetime >= f.start) &&
          (!f.end || r.requested_datetime <= f.end),
    );
    return hits.sort((a, b) => b.requested_datetime.getTime() - a.requested_datetime.getTime()).slice(0, f.limit);
  }

  async servicesChangedAt(): Promise<Date | null> {
    return this.changedAt;
  }

  async findToken(_district: string, token: string) {
    return this.tokens.has(token) ? { token, serviceRequestId: this.tokens.get(token)! } : null;
  }
}
