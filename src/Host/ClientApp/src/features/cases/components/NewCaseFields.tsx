import { Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** Who the case is for. Phone or email is needed to reach them: the server says so at the phone field. */
export function CustomerFields() {
  const { t } = useTranslation('cases');
  const required = [{ required: true, whitespace: true, message: t('create.required') }];
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['customer', 'name']} label={t('customer.name')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['customer', 'company']} label={t('customer.company')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['customer', 'phone']} label={t('customer.phone')}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['customer', 'email']} label={t('customer.email')}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['customer', 'region']} label={t('customer.region')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** What the case is about, and how many hosts and accessories. */
export function ProductFields() {
  const { t } = useTranslation('cases');
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['product', 'model']} label={t('product.model')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['product', 'serial']} label={t('product.serial')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={['product', 'shipDate']} label={t('product.shipDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={['product', 'warrantyEnd']} label={t('product.warrantyEnd')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['quantities', 'hosts']} label={t('quantities.hosts')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['quantities', 'accessories']} label={t('quantities.accessories')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
